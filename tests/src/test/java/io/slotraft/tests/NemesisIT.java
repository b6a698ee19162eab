package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.consistency.Validity;
import io.slotraft.tests.nemesis.FaultKind;
import io.slotraft.tests.nemesis.NemesisSettings;
import io.slotraft.tests.nemesis.Scenario;
import io.slotraft.tests.nemesis.ScenarioResult;
import io.slotraft.tests.nemesis.ScenarioRun;
import io.slotraft.tests.nemesis.workload.BankWorkload;
import io.slotraft.tests.nemesis.workload.CounterWorkload;
import io.slotraft.tests.nemesis.workload.RegisterWorkload;
import io.slotraft.tests.nemesis.workload.SetWorkload;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The nemesis suite: each scenario runs a checked workload of ten clients against three real nodes
 * (127.0.0.1-3, six shards) while faults drawn from the run's seed hit them, then judges the
 * history. In the {@code *-replica-moves} scenarios a fourth node (127.0.0.4) joins first, and
 * replica moves, splits, rebalances and cancelled moves and drains run the whole time, under kills, pauses
 * and partitions of any of the four. Seed, schedule, history and verdict stay in {@code
 * target/nemesis/<scenario>-<seed>/}; replay one with {@code -Dslotraft.nemesis.seed=<seed>
 * -Dslotraft.nemesis.scenarios=<name>}, soak with {@code -Dslotraft.nemesis.minutes=30}.
 *
 * <p>A scenario passes only if the checker finds the history valid, the topology settled once the
 * faults healed (no operation left running, every shard with exactly its replication factor of
 * voters in meta and in Raft, each caught up, no learner left; and no sample during the run found
 * fewer voters), no node exited by itself and every shard took writes again after every heal.
 */
class NemesisIT {
  private static final NemesisSettings SETTINGS = NemesisSettings.fromSystemProperties();
  /** What hits the nodes while replicas move: every node, the one that joined included. */
  private static final List<FaultKind> REPLICA_MOVE_FAULTS = List.of(FaultKind.KILL, FaultKind.PAUSE,
      FaultKind.PARTITION);

  static Stream<Scenario> scenarios() {
    System.out.printf("NemesisIT: seed %d (-Dslotraft.nemesis.seed=%d), %d s of faults per scenario%n",
        SETTINGS.seed(), SETTINGS.seed(), SETTINGS.faultTime().toSeconds());
    return Stream.of(
        new Scenario("register-partitions", RegisterWorkload::new, List.of(FaultKind.PARTITION), List.of()),
        new Scenario("set-kills", SetWorkload::new, List.of(FaultKind.KILL), List.of()),
        new Scenario("counter-pauses-meta-changes", CounterWorkload::new,
            List.of(FaultKind.PAUSE, FaultKind.PREFERRED_LEADER_CHANGES), List.of()),
        new Scenario("bank-transfers-partitions", BankWorkload::new,
            List.of(FaultKind.LEADER_TRANSFERS, FaultKind.PARTITION), List.of()),
        new Scenario("register-snapshot-install-kills", RegisterWorkload::new,
            List.of(FaultKind.KILL_DURING_SNAPSHOT_INSTALL), List.of()),
        new Scenario("set-crash-all", SetWorkload::new, List.of(FaultKind.KILL_ALL),
            List.of("--snapshot-interval-secs", "2", "--snapshot-log-entries", "2000")),
        Scenario.withReplicaMoves("register-replica-moves", RegisterWorkload::new, REPLICA_MOVE_FAULTS),
        Scenario.withReplicaMoves("bank-replica-moves", BankWorkload::new, REPLICA_MOVE_FAULTS))
        .filter(SETTINGS::runs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void historyStaysCorrectUnderFaults(Scenario scenario) throws Exception {
    long started = System.nanoTime();
    ScenarioResult result = ScenarioRun.run(scenario, SETTINGS);
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.printf("FIGURE nemesis %s seed %d: %s, %d s in all%n", scenario.name(), SETTINGS.seed(),
        result.figures(), seconds);
    System.out.printf("FIGURE nemesis %s: recovery after each heal: %s%n", scenario.name(),
        result.figures().recoveries());
    System.out.printf("FIGURE nemesis %s: verdict %s%n", scenario.name(), result.record().verdicts());
    String where = " (seed " + SETTINGS.seed() + ", kept in " + result.directory() + ")";
    assertEquals(List.of(), result.crashes(), "nodes that exited on their own" + where);
    assertTrue(result.figures().everyHealRecovered(), "a heal after which some shard never took writes again: "
        + result.figures().recoveries() + where);
    assertEquals(Validity.VALID, result.record().validity(), result.record().verdicts() + where);
    ScenarioRun.deleteNodeData(result);
  }
}
