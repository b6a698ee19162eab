package io.slotraft.tests.bench;

import io.slotraft.tests.workload.SlotWriteProbe;
import java.io.IOException;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/**
 * {@link SlotWriteProbe} for a benchmark script: writes keys of one hash tag's slot through
 * JedisCluster (following MOVED and ASK, as an application would) from the moment it starts until
 * its standard input closes, then prints "writes N failures F longest_ms L" and exits.
 * Usage: SlotWriteProbeMain PORT TAG
 */
public final class SlotWriteProbeMain {
  private SlotWriteProbeMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2 || !args[0].matches("\\d{1,5}")) {
      System.err.println("usage: SlotWriteProbeMain PORT TAG");
      System.exit(2);
    }
    try (SlotWriteProbe probe = new SlotWriteProbe(Set.of(new HostAndPort("127.0.0.1", Integer.parseInt(args[0]))),
        "{" + args[1] + "}")) {
      probe.start();
      while (System.in.read() >= 0) {
        // the script holds stdin open while the probe should run
      }
      System.out.printf("writes %d failures %d longest_ms %d%n", probe.writes(), probe.failures(),
          probe.longestWriteMillis());
      if (probe.failures() > 0) {
        System.out.println("first failure: " + probe.firstFailure());
      }
    }
  }
}
