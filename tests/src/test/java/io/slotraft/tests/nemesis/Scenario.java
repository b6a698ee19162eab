package io.slotraft.tests.nemesis;

import io.slotraft.tests.nemesis.workload.ClusterEndpoints;
import io.slotraft.tests.nemesis.workload.Workload;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A workload under a kind of faults, on three nodes with {@value #SHARDS} shards.
 *
 * @param workload makes the workload for the cluster's endpoints and a number of processes
 * @param faults the kinds the fault plan's steps draw from, one fault at a time
 * @param nodeFlags flags every node gets besides {@code --shards}, e.g. a short snapshot interval
 * @param throughout kinds begun before the first step and ended after the last, so they run under
 *     every fault of the plan (e.g. {@link FaultKind#REPLICA_MOVES})
 * @param joiningNodes nodes that join the running cluster before the workload starts; the workload's
 *     clients are never told of them (they learn of them from MOVED and the topology), faults hit
 *     them as any other node
 */
public record Scenario(String name, BiFunction<ClusterEndpoints, Integer, Workload> workload, List<FaultKind> faults,
    List<String> nodeFlags, List<FaultKind> throughout, int joiningNodes) {
  public static final int SHARDS = 6;

  public Scenario(String name, BiFunction<ClusterEndpoints, Integer, Workload> workload, List<FaultKind> faults,
      List<String> nodeFlags) {
    this(name, workload, faults, nodeFlags, List.of(), 0);
  }

  /**
   * The faults of {@code faults} one at a time while replicas move the whole run: a fourth node joins
   * first, so that every shard has somewhere to move to, then {@link ReplicaMoveChurn} moves,
   * rebalances and cancels throughout.
   */
  public static Scenario withReplicaMoves(String name, BiFunction<ClusterEndpoints, Integer, Workload> workload,
      List<FaultKind> faults) {
    return new Scenario(name, workload, faults, List.of(), List.of(FaultKind.REPLICA_MOVES), 1);
  }

  @Override
  public String toString() {
    return name;
  }
}
