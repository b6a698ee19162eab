package io.slotraft.node.command;

import static io.slotraft.node.catalog.CommandFlag.DENYOOM;
import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.READONLY;
import static io.slotraft.node.catalog.CommandFlag.WRITE;
import static io.slotraft.node.command.StringCommands.handler;

import io.slotraft.node.catalog.ArgumentCheck;
import io.slotraft.node.catalog.CommandCatalog;

/**
 * The catalog entries of Redis's "generic" group (and of DBSIZE, FLUSHALL and FLUSHDB, which Redis
 * files under "server"), with Redis 7's arity, flags and key positions. The keyless ones act on
 * this shard's keyspace only.
 */
public final class KeyCommands {
  private KeyCommands() {}

  public static void register(CommandCatalog.Builder b) {
    registerKeyAccess(b);
    registerExpiry(b);
    registerWholeKeyspace(b);
  }

  private static void registerKeyAccess(CommandCatalog.Builder b) {
    keyed(b, "del", -2, "1.0.0", "Delete keys.").flags(WRITE).keys(1, -1, 1)
        .arguments(ArgumentCheck.NONE).handler(handler(KeyAccessCommands::del));
    keyed(b, "unlink", -2, "4.0.0", "Delete keys; the same as DEL here.").flags(WRITE, FAST).keys(1, -1, 1)
        .arguments(ArgumentCheck.NONE).handler(handler(KeyAccessCommands::del));
    keyed(b, "exists", -2, "1.0.0", "Count how many of the given keys exist.").flags(READONLY, FAST)
        .keys(1, -1, 1).handler(handler(KeyAccessCommands::exists));
    keyed(b, "type", 2, "1.0.0", "Answer the type of the value stored at a key.").flags(READONLY, FAST)
        .handler(handler(KeyAccessCommands::type));
    keyed(b, "rename", 3, "1.0.0", "Give a key a new name, replacing any key of that name.").flags(WRITE)
        .keys(1, 2, 1).arguments(ArgumentCheck.NONE).handler(handler(KeyAccessCommands::rename));
    keyed(b, "renamenx", 3, "1.0.0", "Give a key a new name only when no key has that name.")
        .flags(WRITE, FAST).keys(1, 2, 1).arguments(ArgumentCheck.NONE).handler(handler(KeyAccessCommands::renameNx));
    keyed(b, "copy", -3, "6.2.0", "Copy a key's value and expiry to another key.").flags(WRITE, DENYOOM)
        .keys(1, 2, 1).arguments(KeyAccessCommands::copyReplaces).handler(handler(KeyAccessCommands::copy));
    keyed(b, "touch", -2, "3.2.1", "Count how many of the given keys exist (no access times are kept).")
        .flags(READONLY, FAST).keys(1, -1, 1).handler(handler(KeyAccessCommands::exists));
    keyed(b, "object", -2, "2.2.3", "Inspect a key's value: its encoding, reference count, idle time or frequency.")
        .flags(READONLY).keys(2, 2, 1).handler(handler(ObjectCommand::object));
    keyed(b, "sort", -2, "1.0.0", "Sort a list, set or sorted set; STORE writes the result to a list.")
        .flags(WRITE, DENYOOM).arguments(SortCommand::check).handler(handler(SortCommand::sort));
    keyed(b, "sort_ro", -2, "7.0.0", "Sort a list, set or sorted set without storing the result.")
        .flags(READONLY).handler(handler(SortCommand::sortReadOnly));
  }

  private static void registerExpiry(CommandCatalog.Builder b) {
    keyed(b, "expire", -3, "1.0.0", "Make a key expire after a number of seconds.").flags(WRITE, FAST)
        .arguments(args -> ExpiryCommands.checkExpiry(args, 1000)).handler(handler(ExpiryCommands::expire));
    keyed(b, "pexpire", -3, "2.6.0", "Make a key expire after a number of milliseconds.")
        .flags(WRITE, FAST).arguments(args -> ExpiryCommands.checkExpiry(args, 1)).handler(handler(ExpiryCommands::pExpire));
    keyed(b, "expireat", -3, "1.2.0", "Make a key expire at a Unix time in seconds.").flags(WRITE, FAST)
        .arguments(args -> ExpiryCommands.checkExpiry(args, 1000)).handler(handler(ExpiryCommands::expireAt));
    keyed(b, "pexpireat", -3, "2.6.0", "Make a key expire at a Unix time in milliseconds.")
        .flags(WRITE, FAST).arguments(args -> ExpiryCommands.checkExpiry(args, 1)).handler(handler(ExpiryCommands::pExpireAt));
    keyed(b, "persist", 2, "2.2.0", "Remove a key's expiry.").flags(WRITE, FAST)
        .arguments(ArgumentCheck.NONE).handler(handler(ExpiryCommands::persist));
    keyed(b, "ttl", 2, "1.0.0", "Answer the seconds left before a key expires.").flags(READONLY, FAST)
        .handler(handler(ExpiryCommands::ttl));
    keyed(b, "pttl", 2, "2.6.0", "Answer the milliseconds left before a key expires.")
        .flags(READONLY, FAST).handler(handler(ExpiryCommands::pTtl));
    keyed(b, "expiretime", 2, "7.0.0", "Answer the Unix time in seconds at which a key expires.")
        .flags(READONLY, FAST).handler(handler(ExpiryCommands::expireTime));
    keyed(b, "pexpiretime", 2, "7.0.0", "Answer the Unix time in milliseconds at which a key expires.")
        .flags(READONLY, FAST).handler(handler(ExpiryCommands::pExpireTime));
  }

  private static void registerWholeKeyspace(CommandCatalog.Builder b) {
    keyless(b, "keys", 2, "1.0.0", "List the keys that match a glob pattern.").flags(READONLY)
        .handler(handler(WholeKeyspaceCommands::keys));
    keyless(b, "scan", -2, "2.8.0", "Walk the keys a few at a time with a cursor.").flags(READONLY)
        .handler(handler(ScanCommand::scan));
    keyless(b, "randomkey", 1, "1.0.0", "Answer a key chosen at random.").flags(READONLY)
        .handler(handler(WholeKeyspaceCommands::randomKey));
    keyless(b, "dbsize", 1, "1.0.0", "Count the keys, expired ones not yet deleted included.")
        .group("server").flags(READONLY, FAST).handler(handler(WholeKeyspaceCommands::dbSize));
    keyless(b, "flushall", -1, "1.0.0", "Delete every key.").group("server").flags(WRITE)
        .arguments(WholeKeyspaceCommands::checkFlush).handler(handler(WholeKeyspaceCommands::flush));
    keyless(b, "flushdb", -1, "1.0.0", "Delete every key of the current database.").group("server")
        .flags(WRITE).arguments(WholeKeyspaceCommands::checkFlush).handler(handler(WholeKeyspaceCommands::flush));
  }

  /** An entry whose one key is argv[1]; multi-key entries override the keys. */
  private static CommandCatalog.EntryBuilder keyed(CommandCatalog.Builder b, String name, int arity,
      String since, String summary) {
    return keyless(b, name, arity, since, summary).keys(1, 1, 1);
  }

  private static CommandCatalog.EntryBuilder keyless(CommandCatalog.Builder b, String name, int arity,
      String since, String summary) {
    return b.command(name, arity).group("generic").since(since).summary(summary);
  }
}
