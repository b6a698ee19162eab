package io.slotraft.tests.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;

/**
 * JedisCluster, Lettuce's cluster client and the smart client writing to one cluster at once, one
 * thread each, set up as their users would for a cluster that changes shape (see the loads), and
 * what a test asks of them afterwards: no failure, no wrong read, every acknowledged write present.
 */
public final class ThreeClientLoads implements AutoCloseable {
  private final List<ClientLoad> loads;
  private final SmartClientLoad smart;

  public ThreeClientLoads(List<NodeProcess> nodes) {
    Set<HostAndPort> respSeeds = nodes.stream().map(n -> new HostAndPort(n.host(), n.respPort()))
        .collect(Collectors.toSet());
    smart = new SmartClientLoad(nodes.stream().map(NodeProcess::grpcPort).toList(), 1);
    loads = List.of(new JedisClusterLoad(respSeeds, 1),
        new LettuceClusterLoad(nodes.stream().map(NodeProcess::respPort).toList(), 1), smart);
  }

  public void start() {
    loads.forEach(ClientLoad::start);
  }

  public void stop() throws InterruptedException {
    for (ClientLoad load : loads) {
      load.stop();
    }
  }

  public List<ClientLoad> loads() {
    return loads;
  }

  public SmartClientLoad smart() {
    return smart;
  }

  /** Waits until every load has done 50 more operations: the cluster serves all three clients. */
  public void awaitProgress(ProcessCluster cluster, Duration timeout, String when) {
    List<Long> before = loads.stream().map(ClientLoad::operations).toList();
    for (int i = 0; i < loads.size(); i++) {
      ClientLoad load = loads.get(i);
      long from = before.get(i);
      cluster.awaitTrue(() -> load.operations() >= from + 50, timeout, load.name() + " making progress " + when);
    }
  }

  /** No operation of any client failed, each failure reported with its client and error; no wrong read. */
  public void assertNoFailures(String when) {
    String report = loads.stream().map(ClientLoad::failureReport).collect(Collectors.joining("\n"));
    assertEquals(0, loads.stream().mapToLong(ClientLoad::failures).sum(), "operations failed " + when + ":\n" + report);
    for (ClientLoad load : loads) {
      assertEquals(List.of(), load.wrongReads(), load.name() + " read values other than those acknowledged " + when);
    }
  }

  /**
   * Every write any client saw acknowledged, and every smart-client counter (its INCRs acknowledged),
   * read back through the running nodes; prints the figure under {@code figure}.
   */
  public void assertEveryAcknowledgedWriteIsPresent(ProcessCluster cluster, String figure) {
    Map<String, String> expected = new HashMap<>();
    loads.forEach(load -> expected.putAll(load.acknowledgedWrites()));
    smart.acknowledgedIncrs().forEach((key, count) -> expected.put(key, Long.toString(count)));
    Set<HostAndPort> running = cluster.nodes().stream().filter(NodeProcess::isAlive)
        .map(n -> new HostAndPort(n.host(), n.respPort())).collect(Collectors.toSet());
    List<String> wrong = ReadBack.wrongOrMissing(running, expected);
    System.out.printf("FIGURE %s: %d acknowledged writes and counters read back, %d wrong%n", figure,
        expected.size(), wrong.size());
    assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())),
        wrong.size() + " acknowledged writes missing or different");
  }

  /** Each load's operations, failures and slowest operation, and the smart client's metrics. */
  public void report(String figure) {
    for (ClientLoad load : loads) {
      System.out.printf("FIGURE %s: %s %d operations, %d failed, %d acknowledged writes; slowest: %s%n", figure,
          load.name(), load.operations(), load.failures(), load.acknowledgedWrites().size(), load.slowestOperation());
      System.out.printf("%s: %s operations over 1 s: %s%n", figure, load.name(), load.slowOperations());
    }
    System.out.printf("FIGURE %s: smart client %s%n", figure, smart.metrics());
  }

  @Override
  public void close() throws InterruptedException {
    for (ClientLoad load : loads) {
      load.close();
    }
  }
}
