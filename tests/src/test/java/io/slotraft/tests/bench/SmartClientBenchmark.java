package io.slotraft.tests.bench;

import io.slotraft.client.SlotraftClient;
import io.slotraft.client.api.async.SlotraftAsyncCommands;
import io.slotraft.tests.harness.ProcessCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Smart-client throughput: GET and SET (half each unless {@code --reads} says otherwise, over 10,000 keys of every slot) with a fixed number
 * of requests in flight, through the async API. Not a test; run it with tests/bench/smart-client.sh.
 * With seeds as arguments it measures that cluster; without, it starts three node processes on free
 * ports under a temporary directory and stops them at the end.
 *
 * <pre>usage: SmartClientBenchmark [--inflight N] [--seconds S] [--warmup S] [--reads PERCENT] [host:port ...]</pre>
 */
public final class SmartClientBenchmark {
  private static final int KEYS = 10_000;

  private SmartClientBenchmark() {}

  public static void main(String[] args) throws Exception {
    int inflight = 64;
    int seconds = 10;
    int warmup = 10;
    int readPercent = 50;
    List<String> seeds = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--inflight" -> inflight = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--reads" -> readPercent = Integer.parseInt(args[++i]);
        default -> seeds.add(args[i]);
      }
    }
    ProcessCluster cluster = null;
    if (seeds.isEmpty()) {
      Path root = Files.createTempDirectory("slotraft-smart-bench");
      cluster = ProcessCluster.startThree(root, 21000);
      cluster.awaitLeader(java.time.Duration.ofSeconds(30));
      cluster.nodes().forEach(node -> seeds.add("127.0.0.1:" + node.grpcPort()));
    }
    try (SlotraftClient client = SlotraftClient.connect(seeds.toArray(String[]::new))) {
      run(client.async(), inflight, warmup, readPercent);
      long ops = run(client.async(), inflight, seconds, readPercent);
      System.out.printf("smart client, %d in flight, GET/SET %d/%d over %d keys: %,d ops in %d s = %,.0f ops/s; %s%n",
          inflight, readPercent, 100 - readPercent, KEYS, ops, seconds, ops / (double) seconds, client.metrics());
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  /** Keeps {@code inflight} requests outstanding for {@code seconds}; returns how many completed. */
  private static long run(SlotraftAsyncCommands redis, int inflight, int seconds, int readPercent)
      throws InterruptedException {
    Semaphore slots = new Semaphore(inflight);
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long i = 0;
    while (System.nanoTime() < end) {
      slots.acquire();
      String key = "bench:" + (i % KEYS);
      // i * 37 % 100 walks 0-99 evenly, so the mix is exact over every 100 requests.
      CompletableFuture<?> request = (i * 37 % 100) < readPercent ? redis.get(key) : redis.set(key, "value-" + i);
      request.whenComplete((value, error) -> {
        (error == null ? completed : failed).incrementAndGet();
        slots.release();
      });
      i++;
    }
    slots.acquire(inflight);
    if (failed.get() > 0) {
      System.out.printf("%d requests failed%n", failed.get());
    }
    return completed.get();
  }
}
