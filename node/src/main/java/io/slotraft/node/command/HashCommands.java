package io.slotraft.node.command;

import static io.slotraft.node.catalog.CommandFlag.DENYOOM;
import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.READONLY;
import static io.slotraft.node.catalog.CommandFlag.WRITE;
import static io.slotraft.node.command.StringCommands.handler;

import io.slotraft.node.catalog.ArgumentCheck;
import io.slotraft.node.catalog.CommandCatalog;

/**
 * The catalog entries of Redis's "hash" group, with Redis 7's arity, flags and key positions (every
 * one has its key at argv[1]). The handlers live in the classes named on each entry.
 */
public final class HashCommands {
  private HashCommands() {}

  public static void register(CommandCatalog.Builder b) {
    registerFieldReads(b);
    registerFieldWrites(b);
    registerWholeHash(b);
  }

  private static void registerFieldReads(CommandCatalog.Builder b) {
    entry(b, "hget", 3, "2.0.0", "Answer the value of one field of a hash.").flags(READONLY, FAST)
        .handler(handler(HashFieldCommands::hget));
    entry(b, "hmget", -3, "2.0.0", "Answer the values of several fields of a hash.").flags(READONLY, FAST)
        .handler(handler(HashFieldCommands::hmget));
    entry(b, "hexists", 3, "2.0.0", "Tell whether a hash has a field.").flags(READONLY, FAST)
        .handler(handler(HashFieldCommands::hexists));
    entry(b, "hlen", 2, "2.0.0", "Count the fields of a hash.").flags(READONLY, FAST)
        .handler(handler(HashFieldCommands::hlen));
    entry(b, "hstrlen", 3, "3.2.0", "Answer the length in bytes of one field's value.").flags(READONLY, FAST)
        .handler(handler(HashFieldCommands::hstrlen));
  }

  private static void registerFieldWrites(CommandCatalog.Builder b) {
    entry(b, "hset", -4, "2.0.0", "Set fields of a hash to values, creating the hash if needed.")
        .flags(WRITE, DENYOOM, FAST).arguments(HashFieldCommands::checkPairs).handler(handler(HashFieldCommands::hset));
    entry(b, "hmset", -4, "2.0.0", "Set fields of a hash to values; the older form of HSET.")
        .flags(WRITE, DENYOOM, FAST).arguments(HashFieldCommands::checkPairs).handler(handler(HashFieldCommands::hmset));
    entry(b, "hsetnx", 4, "2.0.0", "Set a field of a hash only when the field is absent.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(HashFieldCommands::hsetnx));
    entry(b, "hdel", -3, "2.0.0", "Remove fields from a hash.").flags(WRITE, FAST)
        .arguments(ArgumentCheck.NONE).handler(handler(HashFieldCommands::hdel));
    entry(b, "hincrby", 4, "2.0.0", "Add an integer to the integer stored in a field.")
        .flags(WRITE, DENYOOM, FAST).arguments(args -> args.longArg(3)).handler(handler(HashCounterCommands::hincrBy));
    entry(b, "hincrbyfloat", 4, "2.6.0", "Add a decimal number to the number stored in a field.")
        .flags(WRITE, DENYOOM, FAST).arguments(HashCounterCommands::floatIncrement).handler(handler(HashCounterCommands::hincrByFloat));
  }

  private static void registerWholeHash(CommandCatalog.Builder b) {
    entry(b, "hkeys", 2, "2.0.0", "List the fields of a hash.").flags(READONLY)
        .handler(handler(HashReadAllCommands::hkeys));
    entry(b, "hvals", 2, "2.0.0", "List the values of a hash.").flags(READONLY)
        .handler(handler(HashReadAllCommands::hvals));
    entry(b, "hgetall", 2, "2.0.0", "Answer every field of a hash with its value.").flags(READONLY)
        .handler(handler(HashReadAllCommands::hgetall));
    entry(b, "hrandfield", -2, "6.2.0", "Answer fields chosen at random, optionally with their values.")
        .flags(READONLY).handler(handler(HashReadAllCommands::hrandfield));
    entry(b, "hscan", -3, "2.8.0", "Walk the fields of a hash a few at a time with a cursor.").flags(READONLY)
        .handler(handler(CollectionScanCommands::hscan));
  }

  private static CommandCatalog.EntryBuilder entry(CommandCatalog.Builder b, String name, int arity,
      String since, String summary) {
    return b.command(name, arity).group("hash").keys(1, 1, 1).since(since).summary(summary);
  }
}
