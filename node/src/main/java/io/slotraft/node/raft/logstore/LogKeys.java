package io.slotraft.node.raft.logstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keys of the shared log store: one length byte, the group id's bytes, then the log index as eight
 * big-endian bytes. Indexes are positive, so byte order is index order within a group, and one
 * group's keys are one contiguous range that no other group's keys fall into (the length byte
 * keeps "s1" apart from "s10").
 */
final class LogKeys {
  private static final int INDEX_BYTES = Long.BYTES;

  private final byte[] prefix;

  LogKeys(String groupId) {
    byte[] id = groupId.getBytes(StandardCharsets.UTF_8);
    if (id.length == 0 || id.length > 255) {
      throw new IllegalArgumentException("a group id must be 1 to 255 bytes: '" + groupId + "'");
    }
    prefix = new byte[id.length + 1];
    prefix[0] = (byte) id.length;
    System.arraycopy(id, 0, prefix, 1, id.length);
  }

  /** The key of one index of this group. */
  byte[] key(long index) {
    byte[] key = Arrays.copyOf(prefix, prefix.length + INDEX_BYTES);
    ByteBuffer.wrap(key, prefix.length, INDEX_BYTES).putLong(index);
    return key;
  }

  /** The group's own record (not an entry): the key with no index. */
  byte[] groupKey() {
    return prefix.clone();
  }

  /** The smallest key of this group (index 0, below every real index). */
  byte[] lowest() {
    return key(0);
  }

  /** A key above every key of this group: iteration bound and the end of a range delete. */
  byte[] end() {
    return key(Long.MAX_VALUE);
  }

  /** Whether {@code key} is an entry key of this group. */
  boolean owns(byte[] key) {
    return key.length == prefix.length + INDEX_BYTES && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** The index of an entry key of this group. */
  long indexOf(byte[] key) {
    return ByteBuffer.wrap(key, prefix.length, INDEX_BYTES).getLong();
  }
}
