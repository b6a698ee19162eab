package io.slotraft.node.meta;

import io.slotraft.node.cluster.ClusterMember;
import java.util.List;

/**
 * Which nodes hold meta's replicas: the first 3 of the configured members, or the first 5 when there
 * are 5 or more (surviving two failures once the cluster is big enough to spread them). Every node
 * must compute the same set, so it depends only on the member list and its order, never on meta
 * itself: a node has to know where meta is before it can read it.
 */
public final class MetaMembers {
  private MetaMembers() {}

  public static List<ClusterMember> of(List<ClusterMember> configuredMembers) {
    int count = configuredMembers.size() >= 5 ? 5 : Math.min(3, configuredMembers.size());
    return List.copyOf(configuredMembers.subList(0, count));
  }

  public static boolean includes(List<ClusterMember> configuredMembers, String nodeId) {
    return of(configuredMembers).stream().anyMatch(m -> m.nodeId().equals(nodeId));
  }
}
