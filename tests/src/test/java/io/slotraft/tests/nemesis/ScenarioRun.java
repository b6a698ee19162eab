package io.slotraft.tests.nemesis;

import io.slotraft.tests.consistency.RunRecord;
import io.slotraft.tests.consistency.Validity;
import io.slotraft.tests.consistency.Verdict;
import io.slotraft.tests.harness.AdminCli;
import io.slotraft.tests.harness.AdminStatus;
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
 *       shards (and the nodes the scenario has join, on 127.0.0.4 on), and every shard taking writes;
 *   <li>the workload's initial state, then its processes, recording into {@code history.jsonl}; the
 *       clients are given the three first nodes only;
 *   <li>the nemesis carries out the seed's fault plan for the configured time, healing each fault
 *       and waiting for recovery, while {@link VoterWatch} samples the shards' Raft configurations;
 *   <li>the processes stop, the cluster is checked to take writes, the topology to have settled
 *       ({@link SettledTopology}: no operation running, every shard with its voters), and the final
 *       reads are made;
 *   <li>the checker judges the history; {@code run.json} and {@code verdict.txt} keep the seed, the
 *       schedule as it happened and the verdicts (the history's and the topology's). A passing run's
 *       node data is deleted; a failing run keeps everything.
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
    List<NodeProcess> members = List.copyOf(cluster.nodes());
    // Known before any node starts, so that the cgroups and the packet filter cover them too.
    List<NodeProcess> joining = new ArrayList<>();
    for (int i = 0; i < scenario.joiningNodes(); i++) {
      joining.add(cluster.prepareJoin());
    }
    try (NodeCgroups cgroups = NodeCgroups.create(cluster.nodes());
        NetworkPartitioner network = NetworkPartitioner.install(cluster.nodes(), cgroups);
        cluster) {
      cluster.startAll();
      for (NodeProcess node : joining) {
        cluster.join(node);
      }
      List<HostAndPort> resp = members.stream().map(n -> new HostAndPort(n.host(), n.respPort())).toList();
      List<String> grpc = members.stream().map(n -> n.host() + ":" + n.grpcPort()).toList();
      RecoveryProbe probe = new RecoveryProbe(cluster, Scenario.SHARDS, RECOVERY_PATIENCE);
      if (!probe.await().complete()) {
        throw new AssertionError("the new cluster never took writes on every shard\n" + cluster.logTails());
      }
      try (Workload workload = scenario.workload().apply(new ClusterEndpoints(resp, grpc, Scenario.SHARDS, settings.seed()),
              NemesisSettings.PROCESSES);
          LeaderTransfers transfers = new LeaderTransfers(cluster);
          RaftGroups groups = new RaftGroups(cluster)) {
        workload.setUp();
        return runWorkload(scenario, settings, directory, cluster, network, transfers, groups, probe, workload);
      }
    }
  }

  private static ScenarioResult runWorkload(Scenario scenario, NemesisSettings settings, Path directory,
      ProcessCluster cluster, NetworkPartitioner network, LeaderTransfers transfers, RaftGroups groups,
      RecoveryProbe probe, Workload workload) throws Exception {
    long startedAt = System.currentTimeMillis();
    HistoryRecorder recorder = HistoryRecorder.toFile(directory.resolve(RunRecord.HISTORY_FILE));
    // Created right after the recorder, so fault times and event times share (within microseconds) one origin.
    FaultLog log = new FaultLog(scenario.name(), System.nanoTime());
    log.note("seed " + settings.seed() + ", " + NemesisSettings.PROCESSES + " clients, " + scenario.name()
        + ", --read-mode " + settings.readMode());
    FaultTarget target = new FaultTarget(cluster, network, transfers, log, directory);
    SettledTopology topology = new SettledTopology(cluster,
        new AdminCli(directory.resolve("admin").resolve("checks"), cluster.node(0)), groups, log);
    AdminStatus start = topology.status().orElseThrow(() -> new AssertionError(
        "slotraft-admin status --json failed before any fault; its output is in " + directory.resolve("admin")));
    FaultPlan plan = FaultPlan.from(settings.seed(), scenario.faults(), scenario.throughout(), target.nodeNames());
    Nemesis nemesis = new Nemesis(plan, target, probe);
    ClientProcesses processes = new ClientProcesses(workload, recorder, NemesisSettings.PROCESSES);
    List<String> stuck;
    VoterWatch watch = new VoterWatch(groups, start.shards().stream().map(AdminStatus.Shard::id).toList(),
        start.replicationFactor(), log);
    try (watch) {
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
    // Before the final reads, so that they read what the last moves left behind.
    Verdict settled = topology.check(watch);
    workload.finalReads(recorder);
    recorder.close();
    History history = recorder.history();
    Verdict verdict = workload.checker().check(history);
    log.note("checked: " + verdict.validity().wireName() + ", topology " + settled.validity().wireName());
    RunRecord record = new RunRecord(scenario.name(), settings.seed(), startedAt, log.lines(), List.of(verdict, settled));
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
