package io.slotraft.node.hyperloglog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Where an element lands: the 64-bit MurmurHash2 of its bytes (Appleby's 64A variant, reading
 * blocks little-endian whatever the platform, with Redis's seed), whose low bits pick a register
 * and whose other bits give the rank to record there. The same hash as Redis, so that the same
 * elements fill the same registers on both.
 */
final class HllHash {
  private static final long SEED = 0xadc83b19L;
  private static final long MULTIPLIER = 0xc6a4a7935bd1e995L;
  private static final int SHIFT = 47;
  private static final VarHandle BLOCKS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private HllHash() {}

  static long hash(byte[] data) {
    long h = SEED ^ (data.length * MULTIPLIER);
    int blockEnd = data.length & ~7;
    for (int i = 0; i < blockEnd; i += 8) {
      h = (h ^ mix((long) BLOCKS.get(data, i))) * MULTIPLIER;
    }
    if (blockEnd < data.length) {
      for (int i = data.length - 1; i >= blockEnd; i--) {
        h ^= (long) (data[i] & 0xFF) << (8 * (i - blockEnd));
      }
      h *= MULTIPLIER;
    }
    h = (h ^ (h >>> SHIFT)) * MULTIPLIER;
    return h ^ (h >>> SHIFT);
  }

  private static long mix(long block) {
    long k = block * MULTIPLIER;
    return (k ^ (k >>> SHIFT)) * MULTIPLIER;
  }

  static int register(long hash) {
    return (int) (hash & (HllLayout.REGISTERS - 1));
  }

  /**
   * One plus the number of clear bits below the lowest set bit of the hash's remaining 50 bits.
   * A bit set just above them bounds the rank at 51 when all 50 are clear.
   */
  static int rank(long hash) {
    long rest = (hash >>> HllLayout.INDEX_BITS) | (1L << HllLayout.RANK_BITS);
    return Long.numberOfTrailingZeros(rest) + 1;
  }
}
