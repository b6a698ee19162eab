package io.slotraft.proto;

/**
 * Redis Cluster's key-to-slot function: CRC16/XMODEM of the key, or of its hash tag (the bytes
 * between the first '{' and the next '}', when not empty), modulo 16384. Part of the contract
 * between nodes and clients, so it lives here once: the node routes by it and the smart client
 * sends each command straight to its slot's leader by it (a mismatch would cost a redirect per
 * command).
 */
public final class SlotHash {
  public static final int SLOT_COUNT = 16384;

  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      TABLE[i] = crc & 0xFFFF;
    }
  }

  private SlotHash() {}

  public static int slot(byte[] key) {
    int start = 0;
    int end = key.length;
    int open = indexOf(key, (byte) '{', 0);
    if (open >= 0) {
      int close = indexOf(key, (byte) '}', open + 1);
      if (close > open + 1) {
        start = open + 1;
        end = close;
      }
    }
    return crc16(key, start, end) & (SLOT_COUNT - 1);
  }

  /** CRC16/XMODEM (polynomial 0x1021, initial 0) of {@code bytes[from..to)}. */
  public static int crc16(byte[] bytes, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
    }
    return crc;
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
