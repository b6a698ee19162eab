package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.AdminCli;
import io.slotraft.tests.harness.AdminStatus;
import io.slotraft.tests.harness.ClosedAfterEach;
import io.slotraft.tests.harness.ClusterCheck;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.harness.RedisCli;
import io.slotraft.tests.harness.Slots;
import io.slotraft.tests.workload.ReadBack;
import io.slotraft.tests.workload.SlotWriteProbe;
import io.slotraft.tests.workload.ThreeClientLoads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/**
 * Shards split in place and merged back, as an operator does it, while JedisCluster, Lettuce's cluster client and the
 * smart client write the whole time:
 *
 * <ol>
 *   <li>n1, n2, n3 start with 2 shards (s1: 0-8191, s2: 8192-16383), and keys are written to both;
 *   <li>{@code slotraft-admin split s1} (where its keys halve) while a probe writes to a slot of s1's
 *       upper half, a client is blocked in BLPOP on a key of that slot and {@code redis-cli --cluster
 *       check} runs: s1 keeps the lower slots, a new shard s3 has the upper ones on the same three
 *       nodes, the check passes after, and the blocked client gets what is pushed after the split;
 *   <li>{@code split s2 --at 12000}: s2 keeps 8192-11999, s4 has 12000-16383;
 *   <li>n2 is killed and started again: its replicas of the old shards replay their split entries,
 *       and keep the new shards' seeds;
 *   <li>{@code redis-cli --cluster reshard} is refused with an error naming {@code slotraft-admin split};
 *   <li>{@code slotraft-admin merge s1 s3 --yes} while a probe writes to slot 6000 (now s3's) and a
 *       client is blocked in BLPOP on a key of it, then {@code merge s2 s4 --yes}: the two shards of
 *       the start again, with their first ranges; the blocked client gets what is pushed after;
 *   <li>n3 is killed and started again: the merged shards come back whole;
 *   <li>the loads stop. No operation of any client failed, every key written before and every write
 *       acknowledged during reads back, and every smart-client counter equals the INCRs acknowledged
 *       on it (its retries across the splits applied once).
 * </ol>
 */
class SplitIT {
  private static final Duration CONVERGE = Duration.ofSeconds(60);
  private static final int FILLED_KEYS = 10_000;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path root;
  @RegisterExtension
  final ClosedAfterEach closed = new ClosedAfterEach();
  private ProcessCluster cluster;
  private AdminCli admin;
  private ThreeClientLoads loads;

  @Test
  void twoShardsSplitInPlaceThenMergeBackUnderLoadAndEveryWriteSurvivesThemAndRestarts() throws Exception {
    cluster = closed.add(ProcessCluster.startThree(root, 26700, "--shards", "2"));
    admin = new AdminCli(root.resolve("admin"), cluster.node(0));
    awaitShardsLed(2, "both shards led after start");
    ClusterCheck.await(cluster, cluster.node(0), cluster.nodes(), CONVERGE, "before the splits");
    Map<String, String> filled = fill();
    loads = closed.add(new ThreeClientLoads(cluster.nodes()));
    loads.start();
    loads.awaitProgress(cluster, CONVERGE, "before the splits");

    List<String> figures = new ArrayList<>();
    // s1 splits where its keys halve, near slot 4096: slot 6000 is in its upper half either way.
    String blockedKey = "{" + tagInSlot(6000) + "}queue";
    CompletableFuture<List<String>> blocked = blockedPop(blockedKey);
    try (SlotWriteProbe probe = new SlotWriteProbe(respSeeds(), "{" + tagInSlot(6000) + "}")) {
      probe.start();
      cluster.awaitTrue(() -> probe.writes() > 50, CONVERGE, "the probe writing to slot 6000");
      probe.resetLongest();
      figures.add(split("s1", 3, List.of()) + ", longest write to slot 6000 " + probe.longestWriteMillis() + " ms");
      assertEquals(0, probe.failures(), "probe writes failed: " + probe.firstFailure());
    }
    assertTrue(!blocked.isDone(), "the BLPOP blocked before the split is still waiting: " + blocked);
    try (JedisCluster pusher = new JedisCluster(respSeeds())) {
      pusher.lpush(blockedKey, "after the split");
    }
    assertEquals(List.of(blockedKey, "after the split"), blocked.get(30, TimeUnit.SECONDS),
        "a client blocked on a key the split moved follows it to the new shard");
    AdminStatus once = AdminStatus.of(admin);
    AdminStatus.Shard s1 = once.shards().get(0);
    AdminStatus.Shard s3 = once.shards().get(1);
    assertEquals(List.of("s1", "s3", "s2"), once.shards().stream().map(AdminStatus.Shard::id).toList());
    assertEquals(0, s1.slotStart());
    assertEquals(s1.slotEnd() + 1, s3.slotStart());
    assertEquals(8191, s3.slotEnd());
    assertTrue(s1.slotEnd() > 1000 && s1.slotEnd() < 7000, "s1 split near where its keys halve: " + once.shards());
    assertEquals(s1.voters().stream().sorted().toList(), s3.voters().stream().sorted().toList(), "no replica moved");

    figures.add(split("s2", 4, List.of("--at", "12000")));
    AdminStatus twice = AdminStatus.of(admin);
    assertEquals(List.of("s1", "s3", "s2", "s4"), twice.shards().stream().map(AdminStatus.Shard::id).toList());
    assertEquals(11999, twice.shards().get(2).slotEnd());
    assertEquals(12000, twice.shards().get(3).slotStart());
    loads.assertNoFailures("while the shards split");

    NodeProcess n2 = cluster.node(1);
    n2.kill();
    cluster.start(n2);
    awaitShardsLed(4, "every shard led after n2 restarted");
    ClusterCheck.await(cluster, cluster.node(0), cluster.nodes(), CONVERGE, "after n2 restarted");
    loads.awaitProgress(cluster, CONVERGE, "after n2 restarted");

    reshardingByHandIsRefusedWithTheAdminCommandToUse();

    String mergeBlockedKey = "{" + tagInSlot(6000) + "}mergequeue";
    CompletableFuture<List<String>> blockedOnMerge = blockedPop(mergeBlockedKey);
    try (SlotWriteProbe probe = new SlotWriteProbe(respSeeds(), "{" + tagInSlot(6000) + "}")) {
      probe.start();
      cluster.awaitTrue(() -> probe.writes() > 50, CONVERGE, "the probe writing to slot 6000 before the merge");
      probe.resetLongest();
      figures.add(merge("s1", "s3", 3) + ", longest write to slot 6000 " + probe.longestWriteMillis() + " ms");
      assertEquals(0, probe.failures(), "probe writes failed: " + probe.firstFailure());
    }
    try (JedisCluster pusher = new JedisCluster(respSeeds())) {
      pusher.lpush(mergeBlockedKey, "after the merge");
    }
    assertEquals(List.of(mergeBlockedKey, "after the merge"), blockedOnMerge.get(30, TimeUnit.SECONDS),
        "a client blocked on a key of the merged-away shard follows it to the target");
    figures.add(merge("s2", "s4", 2));
    AdminStatus merged = AdminStatus.of(admin);
    assertEquals(List.of("s1", "s2"), merged.shards().stream().map(AdminStatus.Shard::id).toList());
    assertEquals(8191, merged.shards().get(0).slotEnd());
    assertEquals(8192, merged.shards().get(1).slotStart());
    assertEquals(16383, merged.shards().get(1).slotEnd());
    loads.assertNoFailures("while the shards merged");

    NodeProcess n3 = cluster.node(2);
    n3.kill();
    cluster.start(n3);
    awaitShardsLed(2, "both merged shards led after n3 restarted");
    ClusterCheck.await(cluster, cluster.node(0), cluster.nodes(), CONVERGE, "after n3 restarted");
    loads.awaitProgress(cluster, CONVERGE, "after n3 restarted");

    loads.stop();
    loads.assertNoFailures("over the whole test");
    loads.report("split");
    figures.forEach(figure -> System.out.println("FIGURE split: " + figure));
    loads.assertEveryAcknowledgedWriteIsPresent(cluster, "split");
    List<String> wrong = ReadBack.wrongOrMissing(respSeeds(), filled);
    assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " keys written before "
        + "the splits missing or different");
  }

  /**
   * Runs {@code split SHARD ARGS} while checking the cluster with redis-cli, waits until {@code
   * shardsAfter} shards are led and the check passes, and answers the figures: how long until both
   * halves served, and how many checks passed while the split ran.
   */
  private String split(String shard, int shardsAfter, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of("split", shard));
    command.addAll(args);
    Checked run = whileChecking(command, shardsAfter, "the split of " + shard);
    return String.format("split %s: recorded in meta after %d ms, both halves led after %d ms; redis-cli --cluster "
        + "check while it ran: %d of %d passed", shard, run.recordedMs(), run.servingMs(), run.passed(), run.checks());
  }

  /** How an admin command run by {@link #whileChecking} went. */
  private record Checked(long recordedMs, long servingMs, long passed, int checks) {}

  /**
   * Runs the admin command {@code command} while checking the cluster with redis-cli, then waits
   * until {@code shardsAfter} shards are led and the check passes.
   */
  private Checked whileChecking(List<String> command, int shardsAfter, String what) throws Exception {
    long started = System.nanoTime();
    AdminCli.Running running = admin.start(command.get(0), command.subList(1, command.size()).toArray(String[]::new));
    List<String> checks = new ArrayList<>();
    while (!running.awaitEnd(Duration.ofMillis(200))) {
      checks.add(ClusterCheck.run(cluster.node(2)));
    }
    AdminCli.Run done = running.finish(Duration.ofSeconds(1));
    assertEquals(0, done.code(), String.join(" ", command) + ": " + done);
    long recordedMs = (System.nanoTime() - started) / 1_000_000;
    awaitShardsLed(shardsAfter, shardsAfter + " shards led after " + what);
    long servingMs = (System.nanoTime() - started) / 1_000_000;
    ClusterCheck.await(cluster, cluster.node(0), cluster.nodes(), CONVERGE, "after " + what);
    return new Checked(recordedMs, servingMs, checks.stream().filter(ClusterCheck::passes).count(), checks.size());
  }

  /**
   * Runs {@code merge TARGET SOURCE --yes} while checking the cluster with redis-cli, waits until
   * {@code shardsAfter} shards are led and the check passes, and answers the figures.
   */
  private String merge(String target, String source, int shardsAfter) throws Exception {
    Checked run = whileChecking(List.of("merge", target, source, "--yes"), shardsAfter,
        "merging " + source + " into " + target);
    return String.format("merge %s into %s: recorded in meta after %d ms; redis-cli --cluster check while it ran: "
        + "%d of %d passed", source, target, run.recordedMs(), run.passed(), run.checks());
  }

  /**
   * {@code redis-cli --cluster reshard} moves slots with CLUSTER SETSLOT and MIGRATE: it stops at the
   * first with the node's error, which names {@code slotraft-admin split}; nothing moved.
   */
  private void reshardingByHandIsRefusedWithTheAdminCommandToUse() throws Exception {
    NodeProcess via = cluster.node(0);
    String target = RedisCli.run(cluster.node(1).respPort(), "cluster", "myid");
    String reshard = RedisCli.run(via.respPort(), "--cluster", "reshard", via.host() + ":" + via.respPort(),
        "--cluster-from", "all", "--cluster-to", target, "--cluster-slots", "10", "--cluster-yes");
    assertTrue(reshard.contains("CLUSTER SETSLOT is not supported") && reshard.contains("slotraft-admin split"),
        reshard.substring(Math.max(0, reshard.length() - 2000)));
    assertEquals(List.of("s1", "s3", "s2", "s4"), AdminStatus.of(admin).shards().stream().map(AdminStatus.Shard::id)
        .toList(), "the shards are as they were");
  }

  /** A BLPOP of {@code key} (up to 60 s) on a thread of its own, through JedisCluster, started and blocked. */
  private CompletableFuture<List<String>> blockedPop(String key) {
    CompletableFuture<List<String>> popped = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try (JedisCluster jedis = new JedisCluster(respSeeds(), DefaultJedisClientConfig.builder()
          .connectionTimeoutMillis(2000).socketTimeoutMillis(90_000).build(), 20, Duration.ofSeconds(90))) {
        popped.complete(jedis.blpop(60, key));
      } catch (RuntimeException e) {
        popped.completeExceptionally(e);
      }
    }, "blocked-pop");
    thread.setDaemon(true);
    thread.start();
    cluster.awaitTrue(() -> clientsBlocked() > 0, CONVERGE, "the BLPOP blocking");
    return popped;
  }

  /** Clients blocked on any node, from INFO clients. */
  private long clientsBlocked() {
    long blocked = 0;
    for (NodeProcess node : cluster.nodes()) {
      try {
        String info = RedisCli.run(node.respPort(), "info", "clients");
        blocked += info.lines().filter(line -> line.startsWith("blocked_clients:"))
            .mapToLong(line -> Long.parseLong(line.substring("blocked_clients:".length()).trim())).sum();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return blocked;
  }

  /** Writes {@link #FILLED_KEYS} keys across every slot, before the loads start. */
  private Map<String, String> fill() {
    Map<String, String> written = new HashMap<>();
    try (JedisCluster jedis = new JedisCluster(respSeeds(), DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(2000).socketTimeoutMillis(5000).build(), 20, Duration.ofSeconds(30))) {
      for (int i = 0; i < FILLED_KEYS; i++) {
        jedis.set("filled:" + i, "value-" + i);
        written.put("filled:" + i, "value-" + i);
      }
    }
    return written;
  }

  private void awaitShardsLed(int shards, String what) {
    cluster.awaitTrue(() -> cluster.ledShardCounts().stream().filter(led -> led > 0).mapToInt(led -> led).sum()
        == shards, CONVERGE, what);
  }

  private Set<HostAndPort> respSeeds() {
    return cluster.nodes().stream().map(n -> new HostAndPort(n.host(), n.respPort())).collect(Collectors.toSet());
  }

  private static String tagInSlot(int slot) {
    String key = Slots.keyInSlot(slot, "");
    return key.substring(1, key.indexOf('}'));
  }
}
