package io.slotraft.node.snapshot;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.StringValue;
import java.util.SplittableRandom;

/** Keyspaces and snapshot points the snapshot tests and the benchmark build on. */
final class SnapshotFixtures {
  static final long CLOCK_MS = 1_700_000_000_000L;
  static final SnapshotPoint POINT = new SnapshotPoint(42, 7, CLOCK_MS, 100, 5460);

  private SnapshotFixtures() {}

  static Keyspace keyspaceWith(String... keys) {
    Keyspace keyspace = new Keyspace();
    for (String key : keys) {
      keyspace.put(bytes(key), string(bytes("value of " + key)), 0);
    }
    return keyspace;
  }

  /** {@code count} random 16-byte keys and values; every tenth key expires, about half of those already. */
  static Keyspace randomKeyspace(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Keyspace keyspace = new Keyspace();
    while (keyspace.size() < count) {
      byte[] key = new byte[16];
      byte[] value = new byte[16];
      random.nextBytes(key);
      random.nextBytes(value);
      long expireAtMs = keyspace.size() % 10 == 0 ? CLOCK_MS + random.nextInt(-60_000, 60_000) : 0;
      keyspace.put(key, new StringValue(value), expireAtMs);
    }
    return keyspace;
  }

  static StringValue string(byte[] bytes) {
    return new StringValue(bytes);
  }

  static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
