package io.slotraft.tests.nemesis;

import io.slotraft.tests.consistency.RunRecord;
import io.slotraft.tests.consistency.Validity;
import io.slotraft.tests.consistency.Verdict;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.history.History;
import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.nemesis.workload.ClusterEndpoints;
import io.slotraft.tests.nemesis.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import redis.clients.jedis.HostAndPort;

/**
 * One scenario end to end, in {@code target/nemesis/<scenario>-<seed>/}:
 * <ol>
 *   <li>the packet filter table and the nodes' cgroups, then three nodes on 127.0.0.1-3 with six
 *       shards, and every shard taking writes;
 *   <li>the workload's initial state, then its processes, recording into {@code history.jsonl};
 *   <li>the nemesis carries out the seed's fault plan for the configured time, healing each fault
 *       and waiting for recovery;
 *   <li>the processes stop, the cluster is checked to take writes, the final reads are made;
 *   <li>the checker judges the history; {@code run.json} and {@code verdict.txt} keep the seed, the
 *       schedule as it happened and the verdict. A passing run's node data is deleted; a failing
 *       run keeps everything.
 * </ol>
 */
public final class ScenarioRun {
  private static final int NODES = 3;
  private static final int PREFERRED_BASE_PORT = 26000;
  private static final Duration RECOVERY_PATIENCE = Duration.ofSeconds(90);

  private ScenarioRun() {}

  public static Path directoryFor(Scenario scenario, long seed) {
    return Path.of("target", "nemesis", scenario.name() + "-" + seed).toAbsolutePath();
  }

  public static ScenarioResult run(Scenario scenario, NemesisSettings settings) throws Exception {
    Path directory = directoryFor(scenario, settings.seed());
    deleteRecursively(directory);
    Files.createDirectories(directory);
    List<String> flags = new ArrayList<>(List.of("--shards", Integer.toString(Scenario.SHARDS),
        "--read-mode", settings.readMode()));
    flags.addAll(scenario.nodeFlags());
    ProcessCluster cluster = ProcessCluster.onOwnAddresses(directory.resolve("nodes"), NODES, PREFERRED_BASE_PORT,
        flags.toArray(String[]::new));
    try (NodeCgroups cgroups = NodeCgroups.create(cluster.nodes());
        NetworkPartitioner network = NetworkPartitioner.install(cluster.nodes(), cgroups);
        cluster) {
      cluster.startAll();
      List<HostAndPort> resp = cluster.nodes().stream().map(n -> new HostAndPort(n.host(), n.respPort())).toList();
      List<String> grpc = cluster.nodes().stream().map(n -> n.host() + ":" + n.grpcPort()).toList();
      RecoveryProbe probe = new RecoveryProbe(cluster, Scenario.SHARDS, RECOVERY_PATIENCE);
      if (!probe.await().complete()) {
        throw new AssertionError("the new cluster never took writes on every shard\n" + cluster.logTails());
      }
      try (Workload workload = scenario.workload().apply(new ClusterEndpoints(resp, grpc, Scenario.SHARDS, settings.seed()),
              NemesisSettings.PROCESSES);
          LeaderTransfers transfers = new LeaderTransfers(cluster)) {
        workload.setUp();
        return runWorkload(scenario, settings, directory, cluster, network, transfers, probe, workload);
      }
    }
  }

  private static ScenarioResult runWorkload(Scenario scenario, NemesisSettings settings, Path directory,
      ProcessCluster cluster, NetworkPartitioner network, LeaderTransfers transfers, RecoveryProbe probe,
      Workload workload) throws Exception {
    long startedAt = System.currentTimeMillis();
    HistoryRecorder recorder = HistoryRecorder.toFile(directory.resolve(RunRecord.HISTORY_FILE));
    // Created right after the recorder, so fault times and event times share (within microseconds) one origin.
    FaultLog log = new FaultLog(scenario.name(), System.nanoTime());
    log.note("seed " + settings.seed() + ", " + NemesisSettings.PROCESSES + " clients, " + scenario.name()
        + ", --read-mode " + settings.readMode());
    FaultPlan plan = FaultPlan.from(settings.seed(), scenario.faults(), cluster.nodes().stream().map(NodeProcess::name)
        .toList());
    Nemesis nemesis = new Nemesis(plan, new FaultTarget(cluster, network, transfers, log), probe);
    ClientProcesses processes = new ClientProcesses(workload, recorder, NemesisSettings.PROCESSES);
    List<String> stuck;
    try {
      processes.start();
      nemesis.run(settings.faultTime());
    } finally {
      stuck = processes.stop();
    }
    log.note("clients stopped" + (stuck.isEmpty() ? "" : "; still running: " + stuck));
    Recovery beforeFinalReads = probe.await();
    if (!beforeFinalReads.complete()) {
      log.note("NOT RECOVERED before the final reads: " + beforeFinalReads);
    }
    workload.finalReads(recorder);
    recorder.close();
    History history = recorder.history();
    Verdict verdict = workload.checker().check(history);
    log.note("checked: " + verdict.validity().wireName());
    RunRecord record = new RunRecord(scenario.name(), settings.seed(), startedAt, log.lines(), List.of(verdict));
    record.writeTo(directory);
    RunFigures figures = RunFigures.of(history, nemesis.windows());
    ScenarioResult result = new ScenarioResult(record, figures, nemesis.crashes(), stuck, directory);
    Files.writeString(directory.resolve("figures.txt"), figures + "\n" + figures.recoveries() + "\n");
    return result;
  }

  /** Deletes a passing run's node data; the history, record and figures stay. */
  public static void deleteNodeData(ScenarioResult result) throws IOException {
    if (result.record().validity() == Validity.VALID && result.crashes().isEmpty()
        && result.figures().everyHealRecovered()) {
      deleteRecursively(result.directory().resolve("nodes"));
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
