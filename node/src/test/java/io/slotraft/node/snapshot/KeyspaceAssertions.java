package io.slotraft.node.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.keyspace.ZSetValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Compares two keyspaces entry by entry, expired entries included, without copying them. */
final class KeyspaceAssertions {
  /** A "now" before every expiry, so that lookups see expired-but-present keys too. */
  private static final long BEFORE_ALL_EXPIRIES = Long.MIN_VALUE;

  private KeyspaceAssertions() {}

  static void assertSameContent(Keyspace expected, Keyspace actual) {
    assertEquals(expected.size(), actual.size(), "key count");
    assertEquals(expected.expiringKeyCount(), actual.expiringKeyCount(), "keys with an expiry");
    expected.forEach(entry -> assertSameEntry(entry, actual.lookup(entry.key(), BEFORE_ALL_EXPIRIES)));
  }

  private static void assertSameEntry(KeyEntry expected, KeyEntry actual) {
    String key = SnapshotValueCodec.printable(expected.key());
    assertNotNull(actual, "missing key " + key);
    assertEquals(expected.expireAtMs(), actual.expireAtMs(), "expiry of " + key);
    assertEquals(expected.value().typeName(), actual.value().typeName(), "type of " + key);
    if (expected.value() instanceof ZSetValue zset) {
      assertSameSortedSet(zset, (ZSetValue) actual.value(), key);
    } else {
      assertArrayEquals(((StringValue) expected.value()).bytes(), ((StringValue) actual.value()).bytes(),
          "value of " + key);
    }
  }

  /** Same members with bit-identical scores in the same order; one walk of each set, nothing copied. */
  static void assertSameSortedSet(ZSetValue expected, ZSetValue actual, String key) {
    assertEquals(expected.size(), actual.size(), "size of " + key);
    List<byte[]> members = new ArrayList<>(expected.size());
    double[] scores = new double[expected.size()];
    expected.forEach(0, expected.size(), false, (member, score) -> {
      scores[members.size()] = score;
      members.add(member);
    });
    int[] at = {0};
    actual.forEach(0, actual.size(), false, (member, score) -> {
      int i = at[0]++;
      if (!Arrays.equals(members.get(i), member) || Double.doubleToRawLongBits(scores[i]) != Double.doubleToRawLongBits(score)) {
        fail("element " + i + " of " + key + " differs");
      }
    });
  }
}
