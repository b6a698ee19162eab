package io.slotraft.tests.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code redis-cli --cluster check}, as a Redis Cluster operator runs it: whether it passes (every
 * node agrees on the slots, all 16384 covered) and which nodes it found.
 */
public final class ClusterCheck {
  private ClusterCheck() {}

  /** The check's output, through {@code via}. */
  public static String run(NodeProcess via) throws Exception {
    return RedisCli.run(via.respPort(), "--cluster", "check", via.host() + ":" + via.respPort());
  }

  public static boolean passes(String check) {
    return check.contains("[OK] All nodes agree about slots configuration.")
        && check.contains("[OK] All 16384 slots covered.");
  }

  /** The nodes redis-cli found ({@code M:} and {@code S:} lines; a line may start with a colour code). */
  public static List<String> nodesListed(String check) {
    return check.lines().filter(line -> line.matches("(\\e\\[[0-9;]*m)*[MS]: .*"))
        .map(line -> line.replaceAll(".*[MS]: \\S+ (\\S+).*", "$1")).sorted().toList();
  }

  /**
   * Waits until the check through {@code via} passes and finds exactly {@code nodes}: right after a
   * change the nodes take up to a reconcile pass to agree on the epoch.
   */
  public static void await(ProcessCluster cluster, NodeProcess via, List<NodeProcess> nodes, Duration timeout,
      String when) {
    List<String> expected = nodes.stream().map(n -> n.host() + ":" + n.respPort()).sorted().toList();
    AtomicReference<String> last = new AtomicReference<>("none yet");
    String what = "redis-cli --cluster check through " + via.name() + " passing with nodes " + expected + " " + when;
    try {
      cluster.awaitTrue(() -> {
        try {
          last.set(run(via));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
        return passes(last.get()) && nodesListed(last.get()).equals(expected);
      }, timeout, what);
    } catch (AssertionError timedOut) {
      throw new AssertionError(what + ": the last check:\n" + last.get() + "\n" + timedOut.getMessage(), timedOut);
    }
  }
}
