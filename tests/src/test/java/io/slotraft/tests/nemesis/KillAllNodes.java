package io.slotraft.tests.nemesis;

import io.slotraft.tests.harness.NodeProcess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * SIGKILL of every node, one after another at random moments within a few seconds, under writes
 * (and, with a short snapshot interval, while snapshots are taken); all restarted at the end. Every
 * acknowledged write must survive: it was fsynced on a majority before it was acknowledged.
 */
final class KillAllNodes implements Fault {
  private static final int SPREAD_MS = 3_000;

  private final long seed;

  KillAllNodes(long seed) {
    this.seed = seed;
  }

  @Override
  public String describe() {
    return "kill every node (seed " + seed + ")";
  }

  @Override
  public void begin(FaultTarget target) throws Exception {
    Random random = new Random(seed);
    List<NodeProcess> order = new ArrayList<>(target.cluster().nodes());
    Collections.shuffle(order, random);
    List<Integer> moments = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      moments.add(random.nextInt(SPREAD_MS));
    }
    Collections.sort(moments);
    long start = System.nanoTime();
    for (int i = 0; i < order.size(); i++) {
      long wait = moments.get(i) - (System.nanoTime() - start) / 1_000_000;
      if (wait > 0) {
        Thread.sleep(wait);
      }
      order.get(i).kill();
      target.log().note("SIGKILL " + order.get(i).name());
    }
  }

  @Override
  public void end(FaultTarget target) throws Exception {
    for (NodeProcess node : target.cluster().nodes()) {
      target.cluster().start(node);
    }
    target.log().note("restart every node");
  }
}
