package io.slotraft.tests.nemesis;

import io.slotraft.tests.nemesis.workload.ClusterEndpoints;
import io.slotraft.tests.nemesis.workload.Workload;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A workload under a kind of faults, on three nodes with {@value #SHARDS} shards.
 *
 * @param workload makes the workload for the cluster's endpoints and a number of processes
 * @param nodeFlags flags every node gets besides {@code --shards}, e.g. a short snapshot interval
 */
public record Scenario(String name, BiFunction<ClusterEndpoints, Integer, Workload> workload, List<FaultKind> faults,
    List<String> nodeFlags) {
  public static final int SHARDS = 6;

  @Override
  public String toString() {
    return name;
  }
}
