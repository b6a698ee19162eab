package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.catalog.KeySpec;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * One command as Redis 7's COMMAND INFO describes it: name, arity, flags, first key, last key,
 * key step, ACL categories, tips, key specifications and subcommands, in that order. Clients
 * (redis-py, Lettuce, Jedis) read this to find keys and route, so the shape must match exactly.
 */
final class CommandInfoFormat {
  private CommandInfoFormat() {}

  static Reply of(CommandEntry entry) {
    KeySpec keys = entry.keys();
    List<Reply> subcommands = entry.subcommands().stream().map(CommandInfoFormat::of).toList();
    return Replies.array(
        Replies.bulk(entry.fullName()),
        Replies.integer(entry.arity()),
        flags(entry),
        Replies.integer(keys.first()),
        Replies.integer(keys.last()),
        Replies.integer(keys.step()),
        simpleSet(entry.aclCategories()),
        new Reply.SetReply(List.of()),
        keySpecs(entry),
        // Redis sends an empty set, not an empty array, for a command without subcommands.
        subcommands.isEmpty() ? new Reply.SetReply(List.of()) : Replies.array(subcommands));
  }

  /** The flags as Redis words, in Redis's order (the order of {@link CommandFlag}). */
  private static Reply flags(CommandEntry entry) {
    List<String> words = new ArrayList<>();
    for (CommandFlag flag : CommandFlag.values()) {
      if (entry.flags().contains(flag)) {
        words.add(flag.redisName());
      }
    }
    return simpleSet(words);
  }

  /**
   * The catalog's (first, last, step) as one Redis 7 key specification: keys start at index
   * {@code first} and run to {@code lastkey}, which counts from there when not negative.
   */
  private static Reply keySpecs(CommandEntry entry) {
    KeySpec keys = entry.keys();
    if (!keys.hasKeys()) {
      return new Reply.SetReply(List.of());
    }
    int lastKey = keys.last() >= 0 ? keys.last() - keys.first() : keys.last();
    Reply beginSearch = map("type", Replies.bulk("index"), "spec", map("index", Replies.integer(keys.first())));
    Reply findKeys = map("type", Replies.bulk("range"), "spec", new Reply.MapReply(List.of(
        Replies.bulk("lastkey"), Replies.integer(lastKey),
        Replies.bulk("keystep"), Replies.integer(keys.step()),
        Replies.bulk("limit"), Replies.ZERO)));
    Reply spec = new Reply.MapReply(List.of(Replies.bulk("flags"), keyFlags(entry),
        Replies.bulk("begin_search"), beginSearch, Replies.bulk("find_keys"), findKeys));
    return new Reply.SetReply(List.of(spec));
  }

  /**
   * What the command does to its keys. The catalog records only read or write, so writes get
   * RW + update, the flags that claim least about whether the old value is read or replaced.
   */
  static Reply keyFlags(CommandEntry entry) {
    if (entry.flags().contains(CommandFlag.WRITE)) {
      return simpleSet(List.of("RW", "update"));
    }
    return simpleSet(List.of("RO", "access"));
  }

  private static Reply map(String key, Reply value) {
    return new Reply.MapReply(List.of(Replies.bulk(key), value));
  }

  private static Reply map(String key1, Reply value1, String key2, Reply value2) {
    return new Reply.MapReply(List.of(Replies.bulk(key1), value1, Replies.bulk(key2), value2));
  }

  private static Reply simpleSet(List<String> words) {
    return new Reply.SetReply(words.stream().map(Replies::simple).toList());
  }
}
