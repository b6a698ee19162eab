package io.slotraft.tests.nemesis;

import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Leader transfers in a loop for as long as the fault lasts: every {@value #INTERVAL_MS} ms or so a
 * random shard's leader is asked to hand over to another replica (and the node's leader balancer
 * then moves it back to the preferred leader within a few seconds: transfers both ways).
 */
final class LeaderTransferLoop implements Fault {
  private static final int INTERVAL_MS = 700;

  private final long seed;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger asked = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private Thread thread;

  LeaderTransferLoop(long seed) {
    this.seed = seed;
  }

  @Override
  public String describe() {
    return "leader transfers (seed " + seed + ")";
  }

  @Override
  public void begin(FaultTarget target) {
    Random random = new Random(seed);
    running.set(true);
    thread = new Thread(() -> transferUntilEnded(target, random), "leader-transfers");
    thread.setDaemon(true);
    thread.start();
    target.log().note("leader transfers start");
  }

  private void transferUntilEnded(FaultTarget target, Random random) {
    while (running.get()) {
      String outcome = target.transfers().transferOne(random);
      asked.incrementAndGet();
      if (outcome.endsWith("accepted")) {
        accepted.incrementAndGet();
      }
      target.log().note("transfer " + outcome);
      try {
        Thread.sleep(INTERVAL_MS / 2 + random.nextInt(INTERVAL_MS));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void end(FaultTarget target) throws InterruptedException {
    running.set(false);
    thread.join(30_000);
    target.log().note("leader transfers stop: " + accepted.get() + " of " + asked.get() + " accepted");
  }
}
