package io.slotraft.node.dispatch;

import io.slotraft.proto.SlotHash;
import java.util.List;

/**
 * The one slot a command's keys (as its catalog entry finds them) hash to, as Redis Cluster demands
 * of every command: the single place that decides CROSSSLOT, for single commands, queued ones and
 * WATCH alike, before anything is proposed.
 */
final class KeySlot {
  /** No keys at all. */
  static final int NONE = -1;
  /** Keys of two or more slots. */
  static final int CROSS = -2;

  private KeySlot() {}

  static int of(List<byte[]> keys) {
    int slot = NONE;
    for (byte[] key : keys) {
      int keySlot = SlotHash.slot(key);
      if (slot != NONE && keySlot != slot) {
        return CROSS;
      }
      slot = keySlot;
    }
    return slot;
  }
}
