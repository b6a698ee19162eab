package io.slotraft.tests.nemesis;

import io.slotraft.tests.harness.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;

/**
 * SIGKILL of a replica while it installs a snapshot from its leaders, then a restart that must
 * finish the job. The way ReplicaRebuildIT makes a replica install one: kill the node and wipe its
 * data; while it is gone, SAVE twice on the others, with writes between (JRaft truncates the log
 * up to the previous snapshot, so after two the leaders no longer hold the log from index 1);
 * restart it empty. It then downloads each shard's snapshot into {@code snapshot/temp} under the
 * shard's directory: the kill comes as soon as such a directory appears, a few milliseconds later
 * or not (seeded), so it lands during the download or the load.
 */
final class KillDuringSnapshotInstall implements Fault {
  private static final long WAIT_FOR_INSTALL_MS = 30_000;

  private final String node;
  private final long seed;

  KillDuringSnapshotInstall(String node, long seed) {
    this.node = node;
    this.seed = seed;
  }

  @Override
  public String describe() {
    return "kill " + node + " during snapshot install";
  }

  @Override
  public void begin(FaultTarget target) throws Exception {
    Random random = new Random(seed);
    NodeProcess victim = target.node(node);
    victim.kill();
    target.cluster().wipe(victim);
    target.log().note("SIGKILL " + node + " and wipe its data");
    for (int round = 0; round < 2; round++) {
      Thread.sleep(1_000);
      for (NodeProcess other : target.cluster().nodes()) {
        if (other != victim && other.isAlive()) {
          try (Jedis jedis = new Jedis(other.host(), other.respPort(), 30_000)) {
            target.log().note("SAVE on " + other.name() + ": " + jedis.save());
          } catch (RuntimeException refused) {
            // Then the leaders may still hold their whole log, and the replica catch up without a
            // snapshot: the kill below says whether an install was seen.
            target.log().note("SAVE on " + other.name() + " failed: " + refused.getMessage());
          }
        }
      }
    }
    target.cluster().start(victim);
    target.log().note("restart " + node + " empty");
    Optional<Path> installing = awaitInstall(victim);
    Thread.sleep(random.nextInt(20));
    victim.kill();
    target.log().note("SIGKILL " + node + installing.map(p -> " while installing (seen " + victim.dataDir().relativize(p) + ")")
        .orElse(" after " + WAIT_FOR_INSTALL_MS + " ms without seeing an install"));
  }

  private static Optional<Path> awaitInstall(NodeProcess victim) throws InterruptedException {
    Path shards = victim.dataDir().resolve("shards");
    long deadline = System.nanoTime() + WAIT_FOR_INSTALL_MS * 1_000_000;
    while (System.nanoTime() < deadline && victim.isAlive()) {
      Optional<Path> temp = snapshotTemp(shards);
      if (temp.isPresent()) {
        return temp;
      }
      Thread.sleep(2);
    }
    return Optional.empty();
  }

  private static Optional<Path> snapshotTemp(Path shards) {
    if (!Files.isDirectory(shards)) {
      return Optional.empty();
    }
    try (Stream<Path> replicas = Files.list(shards)) {
      return replicas.map(replica -> replica.resolve("snapshot").resolve("temp")).filter(Files::isDirectory).findFirst();
    } catch (IOException raced) {
      return Optional.empty(); // a directory came or went while we listed
    }
  }

  @Override
  public void end(FaultTarget target) throws Exception {
    target.cluster().start(target.node(node));
    target.log().note("restart " + node);
  }
}
