package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.HashValue;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.keyspace.RedisValue;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OBJECT ENCODING|FREQ|IDLETIME|REFCOUNT|HELP. Values here are not stored the way Redis stores
 * them, so ENCODING answers the name Redis 7.2 would use for a value of that shape under the
 * default size limits. No access times or frequencies are kept: IDLETIME is always 0 and FREQ
 * answers as Redis does under the default (noeviction) policy.
 */
final class ObjectCommand {
  private ObjectCommand() {}

  /** Redis's default list/hash/set/zset-max-listpack-entries and -value, and set-max-intset-entries. */
  static final int LISTPACK_ENTRIES = 128;
  static final int LISTPACK_VALUE = 64;
  static final int INTSET_ENTRIES = 512;
  /** Redis keeps a string of at most this many bytes in one allocation with its header. */
  static final int EMBSTR_LIMIT = 44;

  private static final Reply NO_LFU = Replies.error("ERR An LFU maxmemory policy is not selected, access frequency"
      + " not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some"
      + " time to adjust.");

  static Reply object(ExecutionContext ctx, CommandArgs args) {
    String sub = args.string(1).toLowerCase(Locale.ROOT);
    if (sub.equals("help")) {
      if (args.argc() != 2) {
        return ErrorReplies.wrongArity("object|help");
      }
      return help();
    }
    boolean known = sub.equals("encoding") || sub.equals("freq") || sub.equals("idletime") || sub.equals("refcount");
    if (!known) {
      String given = args.string(1);
      String echoed = given.length() > 128 ? given.substring(0, 128) : given;
      return Replies.error("ERR unknown subcommand '" + echoed + "'. Try OBJECT HELP.");
    }
    if (args.argc() != 3) {
      return ErrorReplies.wrongArity("object|" + sub);
    }
    KeyEntry entry = ctx.lookup(args.bytes(2));
    if (entry == null) {
      return Replies.bulk((byte[]) null);
    }
    switch (sub) {
      case "encoding":
        return Replies.bulk(encoding(entry.value()));
      case "freq":
        throw new CommandException(NO_LFU);
      case "idletime":
        return Replies.ZERO;
      default:
        return Replies.ONE;
    }
  }

  private static Reply help() {
    List<Reply> lines = new ArrayList<>();
    lines.add(Replies.simple("OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"));
    addHelp(lines, "ENCODING <key>", "Answer the name of the internal representation Redis would use for the value at <key>.");
    addHelp(lines, "FREQ <key>", "Answer the access frequency of <key> (only under an LFU maxmemory policy).");
    addHelp(lines, "IDLETIME <key>", "Answer the seconds since <key> was last accessed (always 0 here).");
    addHelp(lines, "REFCOUNT <key>", "Answer the reference count of the value at <key> (always 1 here).");
    addHelp(lines, "HELP", "Show this help.");
    return Replies.array(lines);
  }

  private static void addHelp(List<Reply> lines, String usage, String summary) {
    lines.add(Replies.simple(usage));
    lines.add(Replies.simple("    " + summary));
  }

  /** The name Redis would give the encoding of a value of this type, size and content. */
  static String encoding(RedisValue value) {
    if (value instanceof StringValue string) {
      byte[] bytes = string.bytes();
      if (bytes.length <= 20 && RedisNumbers.parseLong(bytes) != null) {
        return "int";
      }
      return bytes.length <= EMBSTR_LIMIT ? "embstr" : "raw";
    }
    if (value instanceof ListValue list) {
      if (list.size() > LISTPACK_ENTRIES) {
        return "quicklist";
      }
      boolean[] small = {true};
      list.forEach((array, offset, length) -> small[0] &= length <= LISTPACK_VALUE);
      return small[0] ? "listpack" : "quicklist";
    }
    if (value instanceof HashValue hash) {
      if (hash.size() > LISTPACK_ENTRIES) {
        return "hashtable";
      }
      boolean[] small = {true};
      hash.forEachPosition(pos -> small[0] &= hash.fieldAt(pos).length <= LISTPACK_VALUE
          && hash.valueAt(pos).length <= LISTPACK_VALUE);
      return small[0] ? "listpack" : "hashtable";
    }
    if (value instanceof SetValue set) {
      boolean[] integers = {true};
      boolean[] small = {true};
      set.forEachPosition(pos -> {
        byte[] member = set.memberAt(pos);
        integers[0] &= RedisNumbers.parseLong(member) != null;
        small[0] &= member.length <= LISTPACK_VALUE;
      });
      if (integers[0] && set.size() <= INTSET_ENTRIES) {
        return "intset";
      }
      return small[0] && set.size() <= LISTPACK_ENTRIES ? "listpack" : "hashtable";
    }
    if (value instanceof ZSetValue zset) {
      if (zset.size() > LISTPACK_ENTRIES) {
        return "skiplist";
      }
      boolean[] small = {true};
      zset.forEach(0, zset.size(), false, (member, score) -> small[0] &= member.length <= LISTPACK_VALUE);
      return small[0] ? "listpack" : "skiplist";
    }
    return "raw";
  }
}
