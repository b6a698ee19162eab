package io.slotraft.node.hyperloglog;

/**
 * The sizes of a sketch and its 16-byte header: the magic {@code HYLL}, the encoding (0 dense, 1
 * sparse), three unused bytes, then the cached cardinality as 8 bytes little-endian whose top bit,
 * when set, marks it stale.
 */
final class HllLayout {
  /** Bits of the hash that pick a register. */
  static final int INDEX_BITS = 14;
  static final int REGISTERS = 1 << INDEX_BITS;
  /** Bits of the hash left for the rank: a register holds 0 to RANK_BITS + 1. */
  static final int RANK_BITS = 64 - INDEX_BITS;
  static final int REGISTER_BITS = 6;
  static final int HEADER_SIZE = 16;
  static final int DENSE_SIZE = HEADER_SIZE + REGISTERS * REGISTER_BITS / 8;
  static final byte DENSE = 0;
  static final byte SPARSE = 1;

  private static final int ENCODING = 4;
  private static final int CACHE = 8;
  private static final byte STALE_BIT = (byte) 0x80;

  private HllLayout() {}

  /** A HyperLogLog header and, when dense, exactly the dense length; sparse opcodes are checked on use. */
  static boolean isSketch(byte[] s) {
    if (s.length < HEADER_SIZE || s[0] != 'H' || s[1] != 'Y' || s[2] != 'L' || s[3] != 'L') {
      return false;
    }
    return s[ENCODING] == SPARSE || (s[ENCODING] == DENSE && s.length == DENSE_SIZE);
  }

  static boolean isDense(byte[] s) {
    return s[ENCODING] == DENSE;
  }

  static void setEncoding(byte[] s, byte encoding) {
    s[ENCODING] = encoding;
  }

  static boolean hasCachedCount(byte[] s) {
    return (s[CACHE + 7] & STALE_BIT) == 0;
  }

  static long cachedCount(byte[] s) {
    long count = 0;
    for (int i = 7; i >= 0; i--) {
      count = (count << 8) | (s[CACHE + i] & 0xFF);
    }
    return count;
  }

  static void markCacheStale(byte[] s) {
    s[CACHE + 7] |= STALE_BIT;
  }

  /** {@code length} zero bytes under a fresh header: zero cardinality, cached as valid, as Redis creates one. */
  static byte[] withHeader(byte encoding, int length) {
    byte[] s = new byte[length];
    s[0] = 'H';
    s[1] = 'Y';
    s[2] = 'L';
    s[3] = 'L';
    s[ENCODING] = encoding;
    return s;
  }
}
