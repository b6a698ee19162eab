package io.slotraft.node.command;

import static io.slotraft.node.catalog.CommandFlag.DENYOOM;
import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.READONLY;
import static io.slotraft.node.catalog.CommandFlag.WRITE;
import static io.slotraft.node.command.StringCommands.handler;

import io.slotraft.node.catalog.ArgumentCheck;
import io.slotraft.node.catalog.CommandCatalog;

/**
 * The catalog entries of Redis's "set" group, with Redis 7's arity, flags and key positions. The
 * handlers live in the classes named on each entry.
 */
public final class SetCommands {
  private SetCommands() {}

  public static void register(CommandCatalog.Builder b) {
    registerMembers(b);
    registerRandom(b);
    registerAlgebra(b);
  }

  private static void registerMembers(CommandCatalog.Builder b) {
    entry(b, "sadd", -3, "1.0.0", "Add members to a set, creating the set if needed.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(SetMemberCommands::sadd));
    entry(b, "srem", -3, "1.0.0", "Remove members from a set.").flags(WRITE, FAST)
        .arguments(ArgumentCheck.NONE).handler(handler(SetMemberCommands::srem));
    entry(b, "sismember", 3, "1.0.0", "Tell whether a value is a member of a set.").flags(READONLY, FAST)
        .handler(handler(SetMemberCommands::sismember));
    entry(b, "smismember", -3, "6.2.0", "Tell for each of several values whether it is a member of a set.")
        .flags(READONLY, FAST).handler(handler(SetMemberCommands::smismember));
    entry(b, "scard", 2, "1.0.0", "Count the members of a set.").flags(READONLY, FAST)
        .handler(handler(SetMemberCommands::scard));
    entry(b, "smembers", 2, "1.0.0", "List the members of a set.").flags(READONLY)
        .handler(handler(SetMemberCommands::smembers));
    entry(b, "smove", 4, "1.0.0", "Move a member from one set to another.").flags(WRITE, FAST)
        .keys(1, 2, 1).arguments(ArgumentCheck.NONE).handler(handler(SetMemberCommands::smove));
    entry(b, "sscan", -3, "2.8.0", "Walk the members of a set a few at a time with a cursor.").flags(READONLY)
        .handler(handler(CollectionScanCommands::sscan));
  }

  private static void registerRandom(CommandCatalog.Builder b) {
    entry(b, "spop", -2, "1.0.0", "Remove and answer members chosen at random.").flags(WRITE, FAST)
        .arguments(SetRandomCommands::spopCount).handler(handler(SetRandomCommands::spop));
    entry(b, "srandmember", -2, "1.0.0", "Answer members chosen at random, leaving the set as it is.")
        .flags(READONLY).handler(handler(SetRandomCommands::srandmember));
  }

  private static void registerAlgebra(CommandCatalog.Builder b) {
    entry(b, "sinter", -2, "1.0.0", "Answer the members common to every given set.").flags(READONLY)
        .keys(1, -1, 1).handler(handler(SetAlgebraCommands::sinter));
    // Keys are argv[2 .. 2+numkeys): the triple can name the first only; the handler checks the rest.
    entry(b, "sintercard", -3, "7.0.0", "Count the members common to every given set, up to a limit.")
        .flags(READONLY).keys(2, 2, 1).keyCount(1).handler(handler(SetAlgebraCommands::sintercard));
    entry(b, "sinterstore", -3, "1.0.0", "Store the members common to every given set in a key.")
        .flags(WRITE, DENYOOM).keys(1, -1, 1).arguments(ArgumentCheck.NONE).handler(handler(SetAlgebraCommands::sinterstore));
    entry(b, "sunion", -2, "1.0.0", "Answer the members of any of the given sets.").flags(READONLY)
        .keys(1, -1, 1).handler(handler(SetAlgebraCommands::sunion));
    entry(b, "sunionstore", -3, "1.0.0", "Store the members of any of the given sets in a key.")
        .flags(WRITE, DENYOOM).keys(1, -1, 1).arguments(ArgumentCheck.NONE).handler(handler(SetAlgebraCommands::sunionstore));
    entry(b, "sdiff", -2, "1.0.0", "Answer the members of the first set that are in none of the others.")
        .flags(READONLY).keys(1, -1, 1).handler(handler(SetAlgebraCommands::sdiff));
    entry(b, "sdiffstore", -3, "1.0.0", "Store the members of the first set that are in none of the others.")
        .flags(WRITE, DENYOOM).keys(1, -1, 1).arguments(ArgumentCheck.NONE).handler(handler(SetAlgebraCommands::sdiffstore));
  }

  /** An entry of this group whose one key is argv[1]; multi-key entries override the keys. */
  private static CommandCatalog.EntryBuilder entry(CommandCatalog.Builder b, String name, int arity,
      String since, String summary) {
    return b.command(name, arity).group("set").keys(1, 1, 1).since(since).summary(summary);
  }
}
