package io.slotraft.node.catalog;

import java.util.Locale;

/** Redis's command flags, as COMMAND INFO reports them. An unknown flag cannot be written down. */
public enum CommandFlag {
  /** Changes the keyspace: proposed through Raft and applied on every replica. */
  WRITE,
  /** Reads the keyspace: served after a ReadIndex round, never logged. */
  READONLY,
  /** May grow memory use. */
  DENYOOM,
  ADMIN,
  PUBSUB,
  NOSCRIPT,
  BLOCKING,
  LOADING,
  STALE,
  SKIP_MONITOR,
  SKIP_SLOWLOG,
  FAST,
  NO_AUTH,
  NO_MULTI,
  ALLOW_BUSY;

  /** The lower-case word Redis prints, e.g. {@code readonly}. */
  public String redisName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
