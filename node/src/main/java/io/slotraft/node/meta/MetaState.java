package io.slotraft.node.meta;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the meta group holds, immutable: one value per applied log index.
 *
 * @param bootstrapped whether a Bootstrap has taken effect; from then on {@link #topology} is the truth
 * @param topology {@link ClusterTopology#NONE} until bootstrapped
 * @param bootstrapIndex the meta log index of the Bootstrap that took effect, 0 before
 * @param appliedBootstraps Bootstraps that took effect: 0 or 1; the counter exists so that tests and
 *     operators can see "exactly once" rather than infer it
 * @param ignoredBootstraps Bootstraps that arrived after the first and changed nothing
 * @param appliedIndex the last meta log index applied into this state
 * @param reports the latest {@link MemberReport} of each member that sent one, by node id (sorted,
 *     so that equal states compare and serialize alike on every replica)
 */
public record MetaState(boolean bootstrapped, ClusterTopology topology, long bootstrapIndex, long appliedBootstraps,
    long ignoredBootstraps, long appliedIndex, Map<String, MemberReport> reports) {

  public static final MetaState EMPTY = new MetaState(false, ClusterTopology.NONE, 0, 0, 0, 0, Map.of());

  public MetaState {
    reports = Collections.unmodifiableMap(new TreeMap<>(reports));
  }

  public long epoch() {
    return topology.epoch();
  }

  MetaState atIndex(long index) {
    return new MetaState(bootstrapped, topology, bootstrapIndex, appliedBootstraps, ignoredBootstraps, index, reports);
  }

  MetaState withTopology(ClusterTopology changed) {
    return new MetaState(bootstrapped, changed, bootstrapIndex, appliedBootstraps, ignoredBootstraps, appliedIndex,
        reports);
  }

  MetaState withReport(MemberReport report) {
    Map<String, MemberReport> changed = new TreeMap<>(reports);
    changed.put(report.nodeId(), report);
    return new MetaState(bootstrapped, topology, bootstrapIndex, appliedBootstraps, ignoredBootstraps, appliedIndex,
        changed);
  }
}
