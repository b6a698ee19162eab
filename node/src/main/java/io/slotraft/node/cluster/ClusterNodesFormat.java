package io.slotraft.node.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * CLUSTER NODES: one line per node in Redis Cluster's format, which redis-cli --cluster and
 * Lettuce parse field by field:
 *
 * <pre>id ip:port@cport flags master ping-sent pong-recv config-epoch link-state slot...</pre>
 *
 * <p>The bus port is the node's Raft port, the nearest thing to Redis's cluster bus. No hostname
 * follows the address: Redis prints one only when one is announced, and the member's short name
 * is an operator's label, not an address a client could resolve. Every node is shown connected
 * and with the view's epoch: the view does not say which links are down, and Raft, not gossip,
 * decides who serves what.
 */
final class ClusterNodesFormat {
  private ClusterNodesFormat() {}

  static String render(ClusterRoles roles, long nowMs) {
    StringBuilder text = new StringBuilder();
    for (ClusterMember member : roles.view().members()) {
      text.append(line(roles, member, nowMs)).append('\n');
    }
    return text.toString();
  }

  static String line(ClusterRoles roles, ClusterMember member, long nowMs) {
    ClusterView view = roles.view();
    boolean myself = view.self() != null && view.self().nodeId().equals(member.nodeId());
    String master = roles.masterOf(member).map(ClusterMember::nodeId).orElse("-");
    List<String> fields = new ArrayList<>(List.of(
        member.nodeId(),
        member.host() + ":" + member.respPort() + "@" + member.raftPort(),
        (myself ? "myself," : "") + (roles.isMaster(member) ? "master" : "slave"),
        master,
        "0",
        // Redis shows 0 for itself and, for others, when it last heard from them.
        myself ? "0" : Long.toString(nowMs),
        Long.toString(view.epoch()),
        "connected"));
    for (int[] range : roles.slotRanges(member)) {
      fields.add(range[0] == range[1] ? Integer.toString(range[0]) : range[0] + "-" + range[1]);
    }
    return String.join(" ", fields);
  }
}
