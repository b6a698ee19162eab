package io.slotraft.node.metagroup;

import io.grpc.StatusRuntimeException;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.MetaProtos;
import io.slotraft.node.meta.MetaState;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.proto.v1.MetaServiceGrpc;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node that holds no meta replica asks the meta members over their gRPC ports ({@code
 * MetaService.GetMetaState}), one after another, starting with the one that answered last.
 */
public final class RemoteMetaSource implements MetaSource {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteMetaSource.class);
  /** Per member asked: a member that is down refuses at once; one that is up answers in milliseconds. */
  private static final long ASK_TIMEOUT_MS = 2_000;

  private final MetaMemberChannels members;
  private final String selfNodeId;
  private int next;

  /** @param members the channels to ask; the caller closes them */
  public RemoteMetaSource(MetaMemberChannels members, String selfNodeId) {
    this.members = members;
    this.selfNodeId = selfNodeId;
  }

  @Override
  public synchronized Optional<MetaState> read() {
    MetaMemberChannels.View members = this.members.current();
    for (int attempt = 0; attempt < members.size(); attempt++) {
      int index = (next + attempt) % members.size();
      if (members.member(index).nodeId().equals(selfNodeId)) {
        continue; // this node reads meta through this very source: asking itself would go round in a circle
      }
      try {
        io.slotraft.proto.v1.MetaState answer = MetaServiceGrpc.newBlockingStub(members.channel(index))
            .withDeadlineAfter(ASK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .getMetaState(GetMetaStateRequest.newBuilder().setAskingNodeId(selfNodeId).build());
        next = index;
        MetaState state = MetaProtos.state(answer);
        if (state.bootstrapped()) {
          this.members.update(state.topology().metaVoters());
        }
        return Optional.of(state);
      } catch (StatusRuntimeException e) {
        LOG.debug("meta member {} did not answer: {}", members.member(index).name(), e.getStatus());
      }
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "meta members " + members.members().stream().map(ClusterMember::name).toList() + " over gRPC";
  }

  @Override
  public void close() {
    // The channels belong to the node, which closes them.
  }
}
