package io.slotraft.node.dispatch;

import static io.slotraft.node.catalog.CommandFlag.ALLOW_BUSY;
import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.LOADING;
import static io.slotraft.node.catalog.CommandFlag.NOSCRIPT;
import static io.slotraft.node.catalog.CommandFlag.SKIP_SLOWLOG;
import static io.slotraft.node.catalog.CommandFlag.STALE;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandHandler;

/**
 * The transaction group: MULTI, EXEC, DISCARD, WATCH, UNWATCH. Their catalog entries name one of
 * these verbs as handler; {@link TransactionRunner} runs them, since they need routing and shards
 * that neither a keyspace nor a session handler has. Arity, flags and since are Redis 7.2's.
 */
enum TransactionVerb implements CommandHandler {
  MULTI,
  EXEC,
  DISCARD,
  WATCH,
  UNWATCH;

  static void register(CommandCatalog.Builder b) {
    b.command("multi", 1).flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY).group("transactions").since("1.2.0")
        .summary("Starts a transaction: the commands that follow are queued and run together by EXEC.")
        .handler(MULTI);
    b.command("exec", 1).flags(NOSCRIPT, LOADING, STALE, SKIP_SLOWLOG).group("transactions").since("1.2.0")
        .summary("Runs the queued commands as one Raft entry, atomically on every replica, unless a watched key changed.")
        .handler(EXEC);
    b.command("discard", 1).flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY).group("transactions").since("2.0.0")
        .summary("Drops the queued commands and every watch.")
        .handler(DISCARD);
    b.command("watch", -2).flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY).keys(1, -1, 1).group("transactions")
        .since("2.2.0").summary("Makes the next EXEC abort if any of these keys changes before it.")
        .handler(WATCH);
    b.command("unwatch", 1).flags(NOSCRIPT, LOADING, STALE, FAST, ALLOW_BUSY).group("transactions").since("2.2.0")
        .summary("Forgets every watched key.")
        .handler(UNWATCH);
  }
}
