package io.slotraft.node.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.ListCursor;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.keyspace.PackedCollection;
import io.slotraft.node.keyspace.RedisValue;
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
    if (expected.value() instanceof ListValue list) {
      assertSameList(list, (ListValue) actual.value(), key);
    } else if (expected.value() instanceof ZSetValue zset) {
      assertSameSortedSet(zset, (ZSetValue) actual.value(), key);
    } else {
      assertArrayEquals(content(expected.value()), content(actual.value()), "value of " + key);
    }
  }

  /**
   * A string's bytes, or a hash's or set's elements in their order: that order must survive a
   * snapshot too, since random choices (SPOP) pick positions in it.
   */
  private static byte[] content(RedisValue value) {
    return value instanceof StringValue string ? string.bytes() : ((PackedCollection) value).toPackedBytes();
  }

  /** Walks both lists side by side, so that a million elements need no copy of either. */
  static void assertSameList(ListValue expected, ListValue actual, String key) {
    assertEquals(expected.size(), actual.size(), "length of " + key);
    if (expected.size() == 0) {
      return;
    }
    ListCursor at = actual.cursor(0);
    int[] index = {0};
    expected.forEach((array, offset, length) -> {
      if (!at.matches(Arrays.copyOfRange(array, offset, offset + length))) {
        fail("element " + index[0] + " of " + key + " differs");
      }
      at.next();
      index[0]++;
    });
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
