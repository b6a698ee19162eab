package io.slotraft.node.config;

import java.util.Locale;

/** How a shard leader proves that a read sees every write acknowledged before it (see {@code --read-mode}). */
public enum ReadMode {
  /** Raft ReadIndex: the leader confirms its leadership with a heartbeat round (batched across reads). */
  READINDEX,
  /** The leader's lease, checked before and after the read; no network round while the lease holds. */
  LEASE;

  /** The setting's value as written in configuration, e.g. {@code lease}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code value}, or null when there is none. */
  public static ReadMode parse(String value) {
    for (ReadMode mode : values()) {
      if (mode.value().equals(value)) {
        return mode;
      }
    }
    return null;
  }
}
