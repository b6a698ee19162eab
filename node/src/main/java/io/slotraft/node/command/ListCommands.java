package io.slotraft.node.command;

import static io.slotraft.node.catalog.CommandFlag.DENYOOM;
import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.READONLY;
import static io.slotraft.node.catalog.CommandFlag.WRITE;
import static io.slotraft.node.command.StringCommands.handler;

import io.slotraft.node.catalog.ArgumentCheck;
import io.slotraft.node.catalog.CommandCatalog;

/**
 * The catalog entries of Redis's "list" group, with Redis 7's arity, flags and key positions;
 * not the blocking ones (BLPOP ...), which wait on the leader outside the keyspace (their pops
 * are in {@link ListPops}).
 *
 * <p>LMPOP's keys follow a count, which a (first, last, step) triple cannot say: Redis declares
 * 0, 0, 0 with "movablekeys". Here it declares its first key, argv[2], which every valid call has,
 * so that routing sends it to that key's shard; the handler refuses the other keys when they hash
 * to another slot (CROSSSLOT), as routing would.
 */
public final class ListCommands {
  private ListCommands() {}

  public static void register(CommandCatalog.Builder b) {
    registerPushes(b);
    registerPops(b);
    registerReads(b);
    registerEdits(b);
  }

  private static void registerPushes(CommandCatalog.Builder b) {
    entry(b, "lpush", -3, "1.0.0", "Add elements at the head of a list, creating it if needed.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(ListPushCommands::lpush));
    entry(b, "rpush", -3, "1.0.0", "Add elements at the tail of a list, creating it if needed.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(ListPushCommands::rpush));
    entry(b, "lpushx", -3, "2.2.0", "Add elements at the head of a list only if the list exists.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(ListPushCommands::lpushx));
    entry(b, "rpushx", -3, "2.2.0", "Add elements at the tail of a list only if the list exists.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(ListPushCommands::rpushx));
  }

  private static void registerPops(CommandCatalog.Builder b) {
    entry(b, "lpop", -2, "1.0.0", "Remove and answer the first elements of a list.")
        .flags(WRITE, FAST).arguments(ListPopCommands::count).handler(handler(ListPopCommands::lpop));
    entry(b, "rpop", -2, "1.0.0", "Remove and answer the last elements of a list.")
        .flags(WRITE, FAST).arguments(ListPopCommands::count).handler(handler(ListPopCommands::rpop));
    entry(b, "lmove", 5, "6.2.0", "Move an element from one end of a list to an end of another.")
        .flags(WRITE, DENYOOM).keys(1, 2, 1).arguments(ListPopCommands::checkMove).handler(handler(ListPopCommands::lmove));
    entry(b, "rpoplpush", 3, "1.2.0", "Move the last element of a list to the head of another.")
        .flags(WRITE, DENYOOM).keys(1, 2, 1).arguments(ArgumentCheck.NONE).handler(handler(ListPopCommands::rpoplpush));
    entry(b, "lmpop", -4, "7.0.0", "Remove and answer elements from the first non-empty list of several.")
        .flags(WRITE).keys(2, 2, 1).keyCount(1).arguments(args -> ListMultiPopArgs.parse(args, 1)).handler(handler(ListPopCommands::lmpop));
  }

  private static void registerReads(CommandCatalog.Builder b) {
    entry(b, "llen", 2, "1.0.0", "Answer the length of a list.")
        .flags(READONLY, FAST).handler(handler(ListReadCommands::llen));
    entry(b, "lindex", 3, "1.0.0", "Answer the element at an index of a list.")
        .flags(READONLY).handler(handler(ListReadCommands::lindex));
    entry(b, "lrange", 4, "1.0.0", "Answer the elements of a list between two indexes.")
        .flags(READONLY).handler(handler(ListReadCommands::lrange));
    entry(b, "lpos", -3, "6.0.6", "Answer the indexes of the elements of a list equal to a value.")
        .flags(READONLY).handler(handler(ListPositionCommand::lpos));
  }

  private static void registerEdits(CommandCatalog.Builder b) {
    entry(b, "lset", 4, "1.0.0", "Replace the element at an index of a list.")
        .flags(WRITE, DENYOOM).arguments(ArgumentCheck.AFTER_LOOKUP).handler(handler(ListEditCommands::lset));
    entry(b, "linsert", 5, "2.2.0", "Insert an element before or after the first one equal to a pivot.")
        .flags(WRITE, DENYOOM).arguments(ListEditCommands::after).handler(handler(ListEditCommands::linsert));
    entry(b, "lrem", 4, "1.0.0", "Remove elements equal to a value from a list.")
        .flags(WRITE).arguments(args -> args.longArg(2)).handler(handler(ListEditCommands::lrem));
    entry(b, "ltrim", 4, "1.0.0", "Keep only the elements of a list between two indexes.")
        .flags(WRITE).arguments(ListEditCommands::trimBounds).handler(handler(ListEditCommands::ltrim));
  }

  /** An entry of this group whose one key is argv[1]; multi-key entries override the keys. */
  private static CommandCatalog.EntryBuilder entry(CommandCatalog.Builder b, String name, int arity,
      String since, String summary) {
    return b.command(name, arity).group("list").keys(1, 1, 1).since(since).summary(summary);
  }
}
