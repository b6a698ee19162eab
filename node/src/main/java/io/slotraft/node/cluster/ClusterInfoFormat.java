package io.slotraft.node.cluster;

import io.slotraft.proto.SlotHash;

/**
 * CLUSTER INFO: Redis Cluster's "name:value" lines. The state is ok when every slot belongs to a
 * shard with a known leader. A shard between leaders answers TRYAGAIN and elects a new one by
 * itself: its slots count as possibly failing (pfail), never as failed. There is no gossip bus, so
 * its message counters are 0.
 */
final class ClusterInfoFormat {
  private ClusterInfoFormat() {}

  static String render(ClusterRoles roles) {
    int assigned = roles.assignedSlots();
    int led = roles.slotsWithLeader();
    long epoch = roles.view().epoch();
    return line("cluster_state", assigned == SlotHash.SLOT_COUNT && led == SlotHash.SLOT_COUNT ? "ok" : "fail")
        + line("cluster_slots_assigned", assigned)
        + line("cluster_slots_ok", led)
        + line("cluster_slots_pfail", assigned - led)
        + line("cluster_slots_fail", 0)
        + line("cluster_known_nodes", roles.view().members().size())
        + line("cluster_size", roles.servingMasterCount())
        + line("cluster_current_epoch", epoch)
        + line("cluster_my_epoch", epoch)
        + line("cluster_stats_messages_sent", 0)
        + line("cluster_stats_messages_received", 0)
        + line("total_cluster_links_buffer_limit_exceeded", 0);
  }

  private static String line(String name, Object value) {
    return name + ":" + value + "\r\n";
  }
}
