package io.slotraft.node.command;

import static io.slotraft.node.catalog.CommandFlag.DENYOOM;
import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.READONLY;
import static io.slotraft.node.catalog.CommandFlag.WRITE;

import io.slotraft.node.catalog.ArgumentCheck;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.KeyspaceHandler;

/**
 * The catalog entries of Redis's "string" group, with Redis 7's arity, flags and key positions.
 * The handlers live in the classes named on each entry.
 */
public final class StringCommands {
  private StringCommands() {}

  public static void register(CommandCatalog.Builder b) {
    registerWholeValue(b);
    registerMultiKey(b);
    registerCounters(b);
    registerRanges(b);
  }

  private static void registerWholeValue(CommandCatalog.Builder b) {
    entry(b, "get", 2, "1.0.0", "Read the string stored at a key.").flags(READONLY, FAST)
        .handler(handler(GetSetCommands::get));
    entry(b, "set", -3, "1.0.0", "Store a string at a key, optionally with an expiry or a condition.")
        .flags(WRITE, DENYOOM).arguments(SetOptions::checkSet).handler(handler(GetSetCommands::set));
    entry(b, "setnx", 3, "1.0.0", "Store a string only when the key is absent.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(GetSetCommands::setNx));
    entry(b, "setex", 4, "2.0.0", "Store a string that expires after a number of seconds.")
        .flags(WRITE, DENYOOM).arguments(args -> SetOptions.expireAtMs(args, 2, true, 0)).handler(handler(GetSetCommands::setEx));
    entry(b, "psetex", 4, "2.6.0", "Store a string that expires after a number of milliseconds.")
        .flags(WRITE, DENYOOM).arguments(args -> SetOptions.expireAtMs(args, 2, false, 0)).handler(handler(GetSetCommands::pSetEx));
    entry(b, "getset", 3, "1.0.0", "Store a string and answer the one it replaced.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(GetSetCommands::getSet));
    entry(b, "getdel", 2, "6.2.0", "Answer a key's string and delete the key.")
        .flags(WRITE, FAST).arguments(ArgumentCheck.NONE).handler(handler(GetSetCommands::getDel));
    entry(b, "getex", -2, "6.2.0", "Answer a key's string and change or remove its expiry.")
        .flags(WRITE, FAST).arguments(SetOptions::checkGetEx).handler(handler(GetSetCommands::getEx));
  }

  private static void registerMultiKey(CommandCatalog.Builder b) {
    entry(b, "mget", -2, "1.0.0", "Read the strings of several keys at once.").flags(READONLY, FAST)
        .keys(1, -1, 1).handler(handler(MultiKeyStringCommands::mget));
    entry(b, "mset", -3, "1.0.1", "Store several key and string pairs at once.").flags(WRITE, DENYOOM)
        .keys(1, -1, 2).arguments(MultiKeyStringCommands::checkPairs).handler(handler(MultiKeyStringCommands::mset));
    entry(b, "msetnx", -3, "1.0.1", "Store several key and string pairs only when none of the keys exist.")
        .flags(WRITE, DENYOOM).keys(1, -1, 2).arguments(MultiKeyStringCommands::checkPairs).handler(handler(MultiKeyStringCommands::msetNx));
  }

  private static void registerCounters(CommandCatalog.Builder b) {
    entry(b, "incr", 2, "1.0.0", "Add one to the integer stored at a key.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(CounterCommands::incr));
    entry(b, "incrby", 3, "1.0.0", "Add an integer to the integer stored at a key.")
        .flags(WRITE, DENYOOM, FAST).arguments(args -> args.longArg(2)).handler(handler(CounterCommands::incrBy));
    entry(b, "decr", 2, "1.0.0", "Subtract one from the integer stored at a key.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(CounterCommands::decr));
    entry(b, "decrby", 3, "1.0.0", "Subtract an integer from the integer stored at a key.")
        .flags(WRITE, DENYOOM, FAST).arguments(CounterCommands::decrement).handler(handler(CounterCommands::decrBy));
    entry(b, "incrbyfloat", 3, "2.6.0", "Add a decimal number to the number stored at a key.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.AFTER_LOOKUP).handler(handler(CounterCommands::incrByFloat));
  }

  private static void registerRanges(CommandCatalog.Builder b) {
    entry(b, "append", 3, "2.0.0", "Add bytes to the end of a key's string.")
        .flags(WRITE, DENYOOM, FAST).arguments(ArgumentCheck.NONE).handler(handler(StringRangeCommands::append));
    entry(b, "strlen", 2, "2.2.0", "Answer the length in bytes of a key's string.")
        .flags(READONLY, FAST).handler(handler(StringRangeCommands::strlen));
    entry(b, "getrange", 4, "2.4.0", "Answer a range of bytes of a key's string.")
        .flags(READONLY).handler(handler(StringRangeCommands::getRange));
    entry(b, "setrange", 4, "2.2.0", "Overwrite a key's string from an offset, padding it with zero bytes.")
        .flags(WRITE, DENYOOM).arguments(StringRangeCommands::offset).handler(handler(StringRangeCommands::setRange));
  }

  /** An entry of this group whose one key is argv[1]; multi-key entries override the keys. */
  private static CommandCatalog.EntryBuilder entry(CommandCatalog.Builder b, String name, int arity,
      String since, String summary) {
    return b.command(name, arity).group("string").keys(1, 1, 1).since(since).summary(summary);
  }

  /** Gives a method reference its handler type; {@code handler(...)} accepts any CommandHandler. */
  static KeyspaceHandler handler(KeyspaceHandler handler) {
    return handler;
  }
}
