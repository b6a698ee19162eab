package io.slotraft.node.command;

import static io.slotraft.node.catalog.CommandFlag.BLOCKING;
import static io.slotraft.node.catalog.CommandFlag.NOSCRIPT;
import static io.slotraft.node.catalog.CommandFlag.WRITE;
import static io.slotraft.node.command.StringCommands.handler;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocking pops. Each handler is the "pop now" attempt that the leader proposes as a write; a
 * nil answer means nothing could be popped, and the node then parks the client (see {@code
 * io.slotraft.node.shard.BlockedClients}) until a key holds a value or the timeout passes, and
 * proposes the attempt again. The wait is the node's business; the log only ever sees pops.
 */
public final class BlockingCommands {
  private BlockingCommands() {}

  public static void register(CommandCatalog.Builder b) {
    entry(b, "blpop", -3, "2.0.0", "Pop the first element of the first non-empty list, waiting for one.", "list")
        .keys(1, -2, 1).arguments(BlockingTimeout::millis).handler(handler((ctx, args) -> popEnds(ctx, args, ListSide.LEFT)));
    entry(b, "brpop", -3, "2.0.0", "Pop the last element of the first non-empty list, waiting for one.", "list")
        .keys(1, -2, 1).arguments(BlockingTimeout::millis).handler(handler((ctx, args) -> popEnds(ctx, args, ListSide.RIGHT)));
    entry(b, "blmove", 6, "6.2.0", "Move an element between lists, waiting for one.", "list")
        .keys(1, 2, 1).arguments(BlockingCommands::checkMove).handler(handler(BlockingCommands::blmove));
    entry(b, "brpoplpush", 4, "2.2.0", "Move the last element of a list to the head of another, waiting for one.",
        "list").keys(1, 2, 1).arguments(BlockingTimeout::millis).handler(handler(BlockingCommands::brpoplpush));
    entry(b, "blmpop", -5, "7.0.0", "Pop elements from the first non-empty list, waiting for one.", "list")
        .keys(3, 3, 1).keyCount(2).arguments(BlockingCommands::checkListMultiPop).handler(handler(BlockingCommands::blmpop));
    entry(b, "bzpopmin", -3, "5.0.0", "Pop the lowest member of the first non-empty sorted set, waiting for one.",
        "sorted-set").keys(1, -2, 1).arguments(BlockingTimeout::millis).handler(handler((ctx, args) -> bzpop(ctx, args, false)));
    entry(b, "bzpopmax", -3, "5.0.0", "Pop the highest member of the first non-empty sorted set, waiting for one.",
        "sorted-set").keys(1, -2, 1).arguments(BlockingTimeout::millis).handler(handler((ctx, args) -> bzpop(ctx, args, true)));
    entry(b, "bzmpop", -5, "7.0.0", "Pop members from the first non-empty sorted set, waiting for one.", "sorted-set")
        .keys(3, 3, 1).keyCount(2).arguments(BlockingCommands::checkZSetMultiPop).handler(handler(BlockingCommands::bzmpop));
  }

  private static CommandCatalog.EntryBuilder entry(CommandCatalog.Builder b, String name, int arity, String since,
      String summary, String group) {
    return b.command(name, arity).flags(WRITE, BLOCKING, NOSCRIPT).group(group).since(since).summary(summary);
  }

  /** The keys between the command name and the trailing timeout. */
  private static List<byte[]> keysBeforeTimeout(CommandArgs args) {
    return new ArrayList<>(args.argv().subList(1, args.argc() - 1));
  }

  private static Reply popEnds(ExecutionContext ctx, CommandArgs args, ListSide side) {
    BlockingTimeout.millis(args);
    List<byte[]> keys = keysBeforeTimeout(args);
    ListPops.Popped popped = ListPops.popFirstNonEmpty(ctx, keys, side, 1);
    if (popped == null) {
      return Replies.NIL_ARRAY;
    }
    return Replies.array(Replies.bulk(popped.key()), Replies.bulk(popped.elements().get(0)));
  }

  /** BLMOVE's argument check: the sides, then the timeout, as the handler reads them. */
  static void checkMove(CommandArgs args) {
    ListSide.parse(args, 3);
    ListSide.parse(args, 4);
    BlockingTimeout.millis(args);
  }

  /** BLMPOP's argument check: the timeout, then the rest, as the handler reads them. */
  static void checkListMultiPop(CommandArgs args) {
    BlockingTimeout.millis(args);
    ListMultiPopArgs.parse(args, 2);
  }

  /** BZMPOP's argument check: the timeout, then the rest, as the handler reads them. */
  static void checkZSetMultiPop(CommandArgs args) {
    BlockingTimeout.millis(args);
    ZPopCommands.parseMpop(args, 2);
  }

  private static Reply blmove(ExecutionContext ctx, CommandArgs args) {
    ListSide from = ListSide.parse(args, 3);
    ListSide to = ListSide.parse(args, 4);
    BlockingTimeout.millis(args);
    return Replies.bulk(ListPops.move(ctx, args.bytes(1), args.bytes(2), from, to));
  }

  private static Reply brpoplpush(ExecutionContext ctx, CommandArgs args) {
    BlockingTimeout.millis(args);
    return Replies.bulk(ListPops.move(ctx, args.bytes(1), args.bytes(2), ListSide.RIGHT, ListSide.LEFT));
  }

  private static Reply blmpop(ExecutionContext ctx, CommandArgs args) {
    BlockingTimeout.millis(args);
    ListMultiPopArgs parsed = ListMultiPopArgs.parse(args, 2);
    ZSets.checkOneSlot(parsed.keys());
    ListPops.Popped popped = ListPops.popFirstNonEmpty(ctx, parsed.keys(), parsed.side(), parsed.count());
    if (popped == null) {
      return Replies.NIL_ARRAY;
    }
    return Replies.array(Replies.bulk(popped.key()), Replies.bulkArray(popped.elements()));
  }

  private static Reply bzpop(ExecutionContext ctx, CommandArgs args, boolean highest) {
    BlockingTimeout.millis(args);
    ZSetPops.Popped popped = ZSetPops.popFirst(ctx, keysBeforeTimeout(args), highest, 1);
    if (popped == null || popped.members().isEmpty()) {
      return Replies.NIL_ARRAY;
    }
    return ZSetPops.bzpopReply(popped);
  }

  private static Reply bzmpop(ExecutionContext ctx, CommandArgs args) {
    BlockingTimeout.millis(args);
    return ZPopCommands.mpop(ctx, args, 2);
  }

  /** The keys a blocked client waits on: every key of the command (BLMOVE's destination included). */
  public static List<byte[]> watchedKeys(CommandArgs args) {
    if (args.name().equals("blmpop")) {
      return ListMultiPopArgs.parse(args, 2).keys();
    }
    if (args.name().equals("bzmpop")) {
      return ZPopCommands.mpopKeys(args, 2);
    }
    if (args.name().equals("blmove") || args.name().equals("brpoplpush")) {
      return List.of(args.bytes(1));
    }
    return keysBeforeTimeout(args);
  }
}
