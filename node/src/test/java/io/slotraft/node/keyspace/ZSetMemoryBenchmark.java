package io.slotraft.node.keyspace;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Prints the heap a sorted set of small elements takes per element, to compare with redis-server
 * (1M ZADD of score i, member "member:i" in random order: 110 bytes per element in used_memory for
 * Redis 7.0.15). Not a test. Heap is measured around full GCs, so run it alone, e.g.
 * {@code java -Xmx2g -cp <test-classes>:<classes> io.slotraft.node.keyspace.ZSetMemoryBenchmark [elements]}.
 */
public final class ZSetMemoryBenchmark {
  private ZSetMemoryBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    byte[][] members = new byte[count][];
    int[] order = shuffled(count);
    for (int i = 0; i < count; i++) {
      members[i] = ("member:" + i).getBytes(StandardCharsets.US_ASCII);
    }
    long memberBytes = 0;
    for (byte[] member : members) {
      memberBytes += (16 + member.length + 7) & ~7;
    }
    long before = usedHeap();
    ZSetValue zset = new ZSetValue();
    for (int i : order) {
      zset.put(members[i], i);
    }
    long after = usedHeap();
    double structure = (after - before) / (double) count;
    System.out.printf("%d elements: %.1f bytes each for the set's own arrays, plus %.1f for the member"
        + " arrays, %.1f in all (approximateBytes says %.1f)%n", count, structure,
        memberBytes / (double) count, structure + memberBytes / (double) count,
        zset.approximateBytes() / (double) count);
    members = null;
    System.out.println(zset.size() > 0 ? "" : "empty");
  }

  private static int[] shuffled(int count) {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(1);
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
