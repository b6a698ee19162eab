package io.slotraft.node.meta;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.cluster.MemberProtos;
import io.slotraft.proto.v1.JoinNode;
import java.util.List;
import java.util.Optional;

/**
 * A new node becomes a member (raising the epoch) with no replicas: it waits for work from a move,
 * a drain or a rebalance. Asking again with the same address is a no-op, so that a node that did not
 * hear the answer can simply ask again; a known id at another address, or an address or name
 * another member has, is refused.
 */
final class JoinNodeRule implements MetaCommandRule<JoinNode> {
  @Override
  public Applied apply(MetaState state, long index, JoinNode join) {
    ClusterMember joining = MemberProtos.fromProto(join.getNode());
    String what = "JoinNode(" + joining.name() + " " + joining.nodeId() + ")";
    if (!state.bootstrapped()) {
      return Applied.noOp(state, what + " refused: meta is not bootstrapped");
    }
    ClusterTopology topology = state.topology();
    Optional<ClusterMember> known = topology.member(joining.nodeId());
    if (known.isPresent()) {
      return known.get().equals(joining)
          ? Applied.noOp(state, what + ": already a member, epoch stays " + state.epoch())
          : Applied.noOp(state, what + " refused: that node id is a member at another address " + known.get());
    }
    Optional<String> clash = clash(topology.members(), joining);
    if (clash.isPresent()) {
      return Applied.noOp(state, what + " refused: " + clash.get());
    }
    ClusterTopology changed = topology.nextWithMember(joining);
    return new Applied(state.withTopology(changed), MetaOutcome.change(what + ": joined at "
        + joining.host() + ", epoch " + changed.epoch()));
  }

  private static Optional<String> clash(List<ClusterMember> members, ClusterMember joining) {
    for (ClusterMember member : members) {
      if (member.name().equals(joining.name())) {
        return Optional.of("member " + member.nodeId() + " is already called " + member.name());
      }
      if (member.host().equals(joining.host())) {
        List<Integer> taken = List.of(member.respPort(), member.grpcPort(), member.raftPort(), member.httpPort());
        for (int port : List.of(joining.respPort(), joining.grpcPort(), joining.raftPort(), joining.httpPort())) {
          if (taken.contains(port)) {
            return Optional.of("port " + joining.host() + ":" + port + " is member " + member.name() + "'s");
          }
        }
      }
    }
    return Optional.empty();
  }
}
