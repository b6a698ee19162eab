package io.slotraft.node.meta;

import io.slotraft.node.cluster.ClusterMember;
import java.util.ArrayList;
import java.util.List;

/**
 * How a node's configuration differs from what meta recorded. Meta wins; the differences are only
 * reported, so that an operator who started a node with other settings learns that they are not in
 * effect (the first applied Bootstrap decided the layout, see {@link MetaStateMachine}).
 */
public final class ConfigAgreement {
  private ConfigAgreement() {}

  /** One line per difference; empty when the configuration would have bootstrapped exactly {@code meta}. */
  public static List<String> differences(ClusterTopology meta, ClusterTopology configured) {
    List<String> differences = new ArrayList<>();
    if (!names(meta.members()).equals(names(configured.members()))) {
      differences.add("members: meta has " + names(meta.members()) + ", configured " + names(configured.members()));
    } else if (!meta.members().equals(configured.members())) {
      differences.add("member addresses or node ids differ from meta's " + meta.members());
    }
    if (meta.placement().shards().size() != configured.placement().shards().size()) {
      differences.add("shards: meta has " + meta.placement().shards().size() + ", configured "
          + configured.placement().shards().size());
    }
    if (meta.replicationFactor() != configured.replicationFactor()) {
      differences.add("replication factor: meta has " + meta.replicationFactor() + ", configured "
          + configured.replicationFactor());
    }
    if (differences.isEmpty() && !meta.placement().equals(configured.placement())) {
      differences.add("replica placement differs from the one this configuration plans");
    }
    return differences;
  }

  private static List<String> names(List<ClusterMember> members) {
    return members.stream().map(ClusterMember::name).toList();
  }
}
