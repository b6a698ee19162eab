package io.slotraft.node.resp;

import io.netty.buffer.ByteBuf;

/**
 * A large bulk argument collected as its bytes arrive. Copying each chunk out at once keeps the
 * decoder's cumulation small (no repeated copies of a growing buffer), and the array grows only as
 * far as bytes have really come: the declared length is the client's claim, not a reason to
 * allocate.
 */
final class BigBulk {
  private static final byte[] EMPTY = new byte[0];

  private final int length;
  private byte[] bytes = EMPTY;
  private int filled;

  BigBulk(int length) {
    this.length = length;
  }

  /** Takes as many of the readable bytes as the bulk still lacks. */
  void fill(ByteBuf in) {
    int take = Math.min(in.readableBytes(), length - filled);
    ensureCapacity(filled + take);
    in.readBytes(bytes, filled, take);
    filled += take;
  }

  boolean complete() {
    return filled == length;
  }

  /** The payload; call once complete. */
  byte[] bytes() {
    return bytes;
  }

  private void ensureCapacity(int needed) {
    if (needed <= bytes.length) {
      return;
    }
    // Doubling keeps the total copying linear; the cap is the declared length, so the last step
    // leaves an array of exactly that size and bytes() needs no trimming copy.
    int capacity = (int) Math.min(length, Math.max(needed, 2L * bytes.length));
    byte[] grown = new byte[capacity];
    System.arraycopy(bytes, 0, grown, 0, filled);
    bytes = grown;
  }
}
