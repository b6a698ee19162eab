package io.slotraft.node.snapshot;

import io.slotraft.node.keyspace.Keyspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Prints how long a 1M-key snapshot takes: capture (what stalls the apply thread), write, load.
 * Not a test: timings are not asserted anywhere. Run it from the node module's test classpath:
 * {@code java -cp <test-classes>:<classes>:<deps> io.slotraft.node.snapshot.SnapshotBenchmark [keys] [rounds]}.
 * The first round includes JIT warm-up.
 */
public final class SnapshotBenchmark {
  private SnapshotBenchmark() {}

  public static void main(String[] args) throws IOException {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Keyspace source = SnapshotFixtures.randomKeyspace(keys, 1);
    System.out.printf("%d keys of 16 bytes, 16-byte values, every tenth with an expiry%n", keys);
    for (int round = 1; round <= rounds; round++) {
      Path dir = Files.createTempDirectory("slotraft-snapshot-bench");
      try {
        runOnce(round, source, dir);
      } finally {
        deleteRecursively(dir);
      }
    }
  }

  private static void runOnce(int round, Keyspace source, Path dir) throws IOException {
    long start = System.nanoTime();
    KeyspaceImage image = KeyspaceImage.capture(source, SnapshotFixtures.POINT);
    long captured = System.nanoTime();
    SnapshotFileWriter.write(image, dir);
    long written = System.nanoTime();
    Keyspace loaded = new Keyspace();
    SnapshotFileReader.load(dir, loaded);
    long done = System.nanoTime();
    System.out.printf("round %d: capture %d ms, write %d ms, file %.1f MiB, load %d ms (%d keys)%n", round,
        millis(captured - start), millis(written - captured),
        Files.size(dir.resolve(SnapshotFormat.DATA_FILE)) / 1048576.0, millis(done - written), loaded.size());
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
