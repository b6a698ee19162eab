package io.slotraft.node.persistence;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.concurrent.CompletableFuture;

/**
 * SAVE, BGSAVE and LASTSAVE mapped onto Raft snapshots. Durability never depends on them (every write
 * is in the fsynced Raft log before it is acknowledged); they shorten restart and compact the log.
 */
public final class SnapshotCommands {
  private SnapshotCommands() {}

  public static void register(CommandCatalog.Builder b, SnapshotControl control) {
    b.command("save", 1).flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.NO_MULTI).group("server")
        .summary("Takes a snapshot of every shard replica on this node and waits for it.")
        .handler((io.slotraft.node.session.AsyncSessionHandler) (session, node, args) -> save(control));
    b.command("bgsave", -1).flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.NO_MULTI).group("server")
        .summary("Starts a snapshot of every shard replica on this node in the background.")
        .handler((io.slotraft.node.session.SessionHandler) (session, node, args) -> {
          if (args.argc() > 2 || (args.argc() == 2 && !args.is(1, "SCHEDULE"))) {
            return io.slotraft.node.reply.ErrorReplies.SYNTAX;
          }
          control.snapshotAll();
          return Replies.simple("Background saving started");
        });
    b.command("lastsave", 1).flags(CommandFlag.LOADING, CommandFlag.STALE, CommandFlag.FAST).group("server")
        .summary("Returns the Unix time of the last successful snapshot on this node.")
        .handler((io.slotraft.node.session.SessionHandler) (session, node, args) ->
            Replies.integer(control.lastSnapshotUnixSeconds()));
  }

  private static CompletableFuture<Reply> save(SnapshotControl control) {
    return control.snapshotAll()
        .thenApply(done -> Replies.OK)
        .exceptionally(failure -> Replies.error("ERR snapshot failed: " + rootMessage(failure)));
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage());
  }
}
