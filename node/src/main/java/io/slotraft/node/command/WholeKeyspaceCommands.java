package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * KEYS, DBSIZE, FLUSHALL, FLUSHDB and RANDOMKEY: keyless commands on one shard's whole keyspace.
 * Answering for the whole cluster (asking every shard and merging) is the dispatcher's business.
 */
final class WholeKeyspaceCommands {
  private WholeKeyspaceCommands() {}

  static Reply keys(ExecutionContext ctx, CommandArgs args) {
    GlobPattern pattern = GlobPattern.compile(args.bytes(1));
    long now = ctx.nowMs();
    List<byte[]> keys = new ArrayList<>();
    ctx.keyspace().forEach(entry -> {
      if (!entry.isExpired(now) && pattern.matches(entry.key())) {
        keys.add(entry.key());
      }
    });
    return Replies.bulkArray(keys);
  }

  /** Counts keys that expired but were not deleted yet, as Redis's DBSIZE does. */
  static Reply dbSize(ExecutionContext ctx, CommandArgs args) {
    return Replies.integer(ctx.keyspace().size());
  }

  /** FLUSHALL and FLUSHDB: there is one database, and ASYNC frees no differently from SYNC. */
  /** FLUSHALL's argument check: SYNC or ASYNC at most. */
  static void checkFlush(CommandArgs args) {
    boolean valid = args.argc() == 1 || args.argc() == 2 && (args.is(1, "SYNC") || args.is(1, "ASYNC"));
    if (!valid) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
  }

  static Reply flush(ExecutionContext ctx, CommandArgs args) {
    checkFlush(args);
    ctx.keyspace().clear();
    return Replies.OK;
  }

  static Reply randomKey(ExecutionContext ctx, CommandArgs args) {
    return Replies.bulk(ctx.keyspace().randomKey(ctx.random(), ctx.nowMs()));
  }
}
