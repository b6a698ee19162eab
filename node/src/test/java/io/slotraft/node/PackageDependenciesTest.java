package io.slotraft.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering honest by reading the sources: JRaft only in {@code raft}; the pure core
 * (keyspace, catalog, command, hyperloglog, statemachine, reply, placement, meta) free of sockets, threads, clocks
 * and Raft.
 */
class PackageDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java/io/slotraft/node");
  private static final List<String> PURE = List.of("keyspace", "catalog", "command", "hyperloglog", "statemachine", "reply", "placement",
      "meta", "reconcile/ReplicaPlan.java");
  private static final List<String> IMPURE_WORDS = List.of("import com.alipay", "import io.netty", "import io.grpc",
      "import java.net", "System.currentTimeMillis", "System.nanoTime", "new Thread", "java.util.concurrent.Executor",
      "Instant.now", "new Random(", "Math.random", "ThreadLocalRandom");

  @Test
  void onlyTheRaftPackageImportsJRaft() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (!file.startsWith(SOURCES.resolve("raft")) && Files.readString(file).contains("import com.alipay")) {
          offenders.add(file.toString());
        }
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void thePureCoreKnowsNoClocksThreadsSocketsOrRaft() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (String part : PURE) {
      Path root = SOURCES.resolve(part);
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          for (String word : IMPURE_WORDS) {
            if (source.contains(word)) {
              offenders.add(file + " uses " + word);
            }
          }
        }
      }
    }
    assertEquals(List.of(), offenders);
  }
}
