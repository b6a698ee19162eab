package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.AdminCli;
import io.slotraft.tests.harness.AdminStatus;
import io.slotraft.tests.harness.ClosedAfterEach;
import io.slotraft.tests.harness.ClusterCheck;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.workload.ThreeClientLoads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster grows from three nodes to five and then shrinks by one of its first members, the way
 * an operator does it, while JedisCluster, Lettuce's cluster client and the smart client write the
 * whole time:
 *
 * <ol>
 *   <li>n1, n2, n3 start with 12 shards (each holds 12 replicas and leads 4); the three loads start;
 *   <li>n4 and n5 join (a {@code --name} not in --members, as {@code local-cluster.sh add-node}):
 *       members of the cluster that hold nothing yet;
 *   <li>{@code slotraft-admin rebalance --yes} moves replicas and preferred leaders onto them, and
 *       {@code redis-cli --cluster check} passes while it runs; then every node holds 7 or 8 of the 36
 *       replicas and is the preferred leader of 2 or 3 shards, and leads that many, and meta has five
 *       voters (one on every node);
 *   <li>{@code slotraft-admin drain n2 --yes}: n2, one of the first members and so one of meta's
 *       voters, gives away its replicas and its meta vote (nobody is left to take it: meta goes from
 *       five voters to four, never below three); {@code
 *       remove-node n2 --yes} takes it out of the members, and its process stops;
 *   <li>{@code slotraft-admin merge} of the first two neighbouring shards whose replicas are on
 *       different nodes: the source's replicas move onto the target's nodes first, then the target
 *       takes the source in; eleven shards are left;
 *   <li>the loads stop. No operation of any client failed, every acknowledged write reads back with
 *       its value, and every smart-client counter equals the INCRs acknowledged on it.
 * </ol>
 *
 * The Redis clients are set up as their users would for a cluster that changes shape (JedisCluster:
 * many attempts; Lettuce: periodic and adaptive topology refresh); see {@code workload}.
 */
class GrowAndShrinkIT {
  private static final int SHARDS = 12;
  private static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration CONVERGE = Duration.ofSeconds(60);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path root;
  private final long began = System.nanoTime();
  /** How long each step took, in order, for the figures. */
  private final Map<String, Long> stepMillis = new LinkedHashMap<>();
  @RegisterExtension
  final ClosedAfterEach closed = new ClosedAfterEach();
  private ProcessCluster cluster;
  private AdminCli admin;
  private ThreeClientLoads loads;

  @Test
  void threeNodesGrowToFiveUnderLoadThenAFirstMemberHoldingAMetaVoteIsDrainedAndRemoved() throws Exception {
    startThreeNodesAndTheLoads();
    NodeProcess n4 = cluster.join();
    NodeProcess n5 = cluster.join();
    step("join n4, n5");
    AdminStatus joined = AdminStatus.of(admin);
    assertEquals(List.of("n1", "n2", "n3", "n4", "n5"), joined.names(), "n4 and n5 are members");
    assertEquals(0, joined.member("n4").voterReplicas() + joined.member("n5").voterReplicas(),
        "a node that joined holds nothing until an operation moves replicas onto it");

    rebalanceWhileCheckingTheCluster(cluster.node(0));
    step("rebalance");
    loads.assertNoFailures("while the cluster grew to five nodes");
    assertEvenlySpread(AdminStatus.of(admin));
    assertEquals(5, AdminStatus.of(admin).metaVoters().size(), "five members: meta gets five voters");
    awaitLeaders(counts -> counts.stream().allMatch(led -> led == 2 || led == 3),
        "every node leading 2 or 3 shards after the rebalance");
    awaitClusterCheck(cluster.node(0), cluster.nodes(), "after the rebalance");
    awaitProgress("after the rebalance");

    // n2 is one of the first members (--members), so one of meta's voters: its vote goes too.
    AdminStatus shrunk = drainAndRemove(cluster.node(1));
    step("drain and remove n2");

    mergeNeighboursOnDifferentNodes(shrunk);
    step("merge two shards held apart");

    loads.stop();
    loads.assertNoFailures("over the whole test");
    report(shrunk);
    loads.assertEveryAcknowledgedWriteIsPresent(cluster, "grow and shrink");
  }

  /**
   * n1-n3 with 12 shards, each leading 4, and redis-cli's check passing; then JedisCluster, Lettuce
   * and the smart client writing, one thread each.
   */
  private void startThreeNodesAndTheLoads() throws Exception {
    cluster = closed.add(ProcessCluster.startThree(root, 26200, "--shards", Integer.toString(SHARDS)));
    awaitLeaders(counts -> counts.equals(List.of(4, 4, 4)), "every node leading 4 shards after start");
    awaitClusterCheck(cluster.node(0), cluster.nodes(), "before the cluster grows");
    admin = new AdminCli(root.resolve("admin"), cluster.node(0));

    loads = closed.add(new ThreeClientLoads(cluster.nodes()));
    loads.start();
    awaitProgress("before the cluster grows");
    step("start");
  }

  /**
   * {@code drain NODE --yes}, then {@code remove-node NODE --yes}, then the node's process stops, as
   * an operator shrinks the cluster; the loads keep writing throughout. Returns the status after.
   */
  private AdminStatus drainAndRemove(NodeProcess leaving) throws Exception {
    String name = leaving.name();
    assertTrue(AdminStatus.of(admin).member(name).metaVoter(), name + " holds one of meta's votes");
    AdminCli.Run drain = admin.run(OPERATION_TIMEOUT, "drain", name, "--yes");
    assertEquals(0, drain.code(), "drain " + name + ": " + drain);
    AdminStatus drained = AdminStatus.of(admin);
    assertEquals(new AdminStatus.Member(false, true, 0, 0), drained.member(name),
        name + " drained: no replica, no learner, no meta vote");
    assertEquals(4, drained.metaVoters().size(), "meta keeps the four other voters: " + drained.metaVoters());
    assertEquals(0, drained.runningOperations(), "nothing left running after the drain");
    loads.assertNoFailures("while " + name + " was drained");

    AdminCli.Run remove = admin.run(Duration.ofSeconds(60), "remove-node", name, "--yes");
    assertEquals(0, remove.code(), "remove-node " + name + ": " + remove);
    assertTrue(remove.out().startsWith(name + " (") && remove.out().contains("is no longer a member"),
        remove.toString());
    leaving.stop();
    assertFalse(leaving.isAlive(), name + "'s process stopped");

    List<NodeProcess> staying = cluster.nodes().stream().filter(n -> n != leaving).toList();
    AdminStatus shrunk = AdminStatus.of(admin);
    assertEquals(staying.stream().map(NodeProcess::name).toList(), shrunk.names(), name + " is a member no more");
    assertEquals(drained.metaVoters(), shrunk.metaVoters(), "meta's voters after the removal");
    for (AdminStatus.Shard shard : shrunk.shards()) {
      assertEquals(3, shard.voters().size(), shard.toString());
      assertTrue(shrunk.names().containsAll(shard.voters()), shard.toString());
      assertEquals(List.of(), shard.learners(), shard.toString());
    }
    awaitLeaders(counts -> counts.stream().filter(led -> led > 0).mapToInt(led -> led).sum() == SHARDS,
        "every shard led by a node still running");
    awaitClusterCheck(staying.get(1), staying, "after " + name + " was removed and stopped");
    awaitProgress("after " + name + " was removed and stopped");
    return shrunk;
  }

  /**
   * Merges the first two neighbouring shards whose voters are not on the same nodes (after the
   * rebalance and the drain there always are some): the merge moves the source's replicas first.
   */
  private void mergeNeighboursOnDifferentNodes(AdminStatus before) throws Exception {
    List<AdminStatus.Shard> shards = before.shards();
    int first = java.util.stream.IntStream.range(0, shards.size() - 1)
        .filter(i -> !Set.copyOf(shards.get(i).voters()).equals(Set.copyOf(shards.get(i + 1).voters())))
        .findFirst().orElseThrow(() -> new AssertionError("every pair of neighbours is co-located: " + shards));
    AdminStatus.Shard target = shards.get(first);
    AdminStatus.Shard source = shards.get(first + 1);
    AdminCli.Run merge = admin.run(OPERATION_TIMEOUT, "merge", target.id(), source.id(), "--yes");
    assertEquals(0, merge.code(), "merge " + target.id() + " " + source.id() + ": " + merge);
    AdminStatus merged = AdminStatus.of(admin);
    assertEquals(shards.size() - 1, merged.shards().size());
    AdminStatus.Shard after = merged.shards().get(first);
    assertEquals(target.id(), after.id());
    assertEquals(List.of(target.slotStart(), source.slotEnd()), List.of(after.slotStart(), after.slotEnd()));
    assertEquals(Set.copyOf(target.voters()), Set.copyOf(after.voters()), "the target's replicas stay where they were");
    assertEquals(0, merged.runningOperations(), "nothing left running after the merge");
    loads.assertNoFailures("while " + source.id() + " was merged into " + target.id());
    List<NodeProcess> running = cluster.nodes().stream().filter(NodeProcess::isAlive).toList();
    awaitClusterCheck(running.get(0), running, "after the merge");
    awaitProgress("after the merge");
  }

  /**
   * Runs {@code rebalance --yes} as a process and, while it runs, {@code redis-cli --cluster check}
   * about once a second; at least one check made while the rebalance ran must pass. Not every one
   * need: redis-cli takes each node's slots from what that node says it serves itself, and while a
   * move hands a shard's leadership over, neither the old leader nor the new one says it serves it
   * ("Not all 16384 slots are covered"), and a new epoch takes up to a reconcile pass to reach every
   * node ("Nodes don't agree"). The test prints how many passed and the first that did not.
   */
  private void rebalanceWhileCheckingTheCluster(NodeProcess via) throws Exception {
    AdminCli.Running rebalance = admin.start("rebalance", "--yes");
    long deadline = System.nanoTime() + OPERATION_TIMEOUT.toNanos();
    List<String> checksWhileRunning = new ArrayList<>();
    while (!rebalance.awaitEnd(Duration.ofSeconds(1)) && System.nanoTime() < deadline) {
      String check = ClusterCheck.run(via);
      if (rebalance.isAlive()) {
        checksWhileRunning.add(check);
      }
    }
    AdminCli.Run rebalanced = rebalance.finish(Duration.ofSeconds(1));
    assertEquals(0, rebalanced.code(), "rebalance --yes: " + rebalanced);
    long passed = checksWhileRunning.stream().filter(ClusterCheck::passes).count();
    System.out.printf("GrowAndShrinkIT: redis-cli --cluster check during the rebalance: %d of %d passed%n", passed,
        checksWhileRunning.size());
    checksWhileRunning.stream().filter(check -> !ClusterCheck.passes(check)).findFirst()
        .ifPresent(check -> System.out.printf("GrowAndShrinkIT: the first that did not:%n%s%n", check));
    assertTrue(passed > 0, "no redis-cli --cluster check passed while the rebalance ran ("
        + checksWhileRunning.size() + " made); the last:\n"
        + (checksWhileRunning.isEmpty() ? "none" : checksWhileRunning.get(checksWhileRunning.size() - 1)));
  }

  /** 36 replicas on 5 nodes: 7 or 8 each; 12 preferred leaders: 2 or 3 each; no learner left, nothing running. */
  private static void assertEvenlySpread(AdminStatus status) {
    Map<String, Long> replicas = status.voterReplicas();
    Map<String, Long> preferred = status.preferredLeaders();
    String spread = "replicas " + replicas + ", preferred leaders " + preferred;
    assertTrue(replicas.values().stream().allMatch(n -> n == 7 || n == 8), spread);
    assertEquals(SHARDS * 3, replicas.values().stream().mapToLong(Long::longValue).sum(), spread);
    assertTrue(preferred.values().stream().allMatch(n -> n == 2 || n == 3), spread);
    assertTrue(status.shards().stream().allMatch(s -> s.learners().isEmpty()), status.shards().toString());
    assertEquals(0, status.runningOperations(), "nothing left running after the rebalance");
  }

  private void awaitClusterCheck(NodeProcess via, List<NodeProcess> nodes, String when) {
    ClusterCheck.await(cluster, via, nodes, CONVERGE, when);
  }

  /** Waits until the shards each running node reports leading (-1: not running), in node order, satisfy {@code even}. */
  private void awaitLeaders(Predicate<List<Integer>> even, String what) {
    await(() -> even.test(cluster.ledShardCounts()), what, () -> "they lead " + cluster.ledShardCounts());
  }

  /** {@link ProcessCluster#awaitTrue}, saying on a timeout how things stood at its end. */
  private void await(BooleanSupplier condition, String what, Supplier<String> state) {
    try {
      cluster.awaitTrue(condition, CONVERGE, what);
    } catch (AssertionError timedOut) {
      throw new AssertionError(what + ": " + state.get() + "\n" + timedOut.getMessage(), timedOut);
    }
  }

  private void awaitProgress(String when) {
    loads.awaitProgress(cluster, CONVERGE, when);
  }

  private void report(AdminStatus shrunk) {
    loads.report("grow and shrink");
    System.out.printf("FIGURE grow and shrink: steps (ms) %s, %d ms in all; after the removal replicas %s, "
        + "meta voters %s%n", stepMillis, millisSince(began), shrunk.voterReplicas(), shrunk.metaVoters());
  }

  /** Records how long the step that just ended took (since the one before ended). */
  private void step(String name) {
    long sum = stepMillis.values().stream().mapToLong(Long::longValue).sum();
    stepMillis.put(name, millisSince(began) - sum);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
