package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * ZSCAN key cursor [MATCH pattern] [COUNT count]: members with their scores as strings, flat, in
 * RESP3 too, as Redis answers. A set Redis would keep in its compact encoding (at most 128
 * members of at most 64 bytes) comes back whole in one call with cursor 0, in order, as from
 * Redis; a larger one is walked by the hash-space cursor of {@link ZSetValue#scan}.
 */
final class ZScanCommand {
  private static final int COMPACT_ENTRIES = 128;
  private static final int COMPACT_MEMBER_BYTES = 64;
  private static final Reply EMPTY_SCAN = Replies.array(Replies.bulk("0"), Replies.EMPTY_ARRAY);

  private ZScanCommand() {}

  static Reply zscan(ExecutionContext ctx, CommandArgs args) {
    long cursor = ScanOptions.parseCursor(args.bytes(2));
    // Like Redis, an absent key or a wrong type answers before the options are read.
    ZSetValue zset = ZSets.find(ctx, args.bytes(1));
    if (zset == null) {
      return EMPTY_SCAN;
    }
    ScanOptions options = ScanOptions.parse(args, 3, ScanOptions.Extra.NONE);
    return scan(zset, cursor, options.count(), options.pattern());
  }

  private static Reply scan(ZSetValue zset, long cursor, long count, GlobPattern pattern) {
    List<Reply> items = new ArrayList<>();
    ZSetValue.ElementVisitor collect = (member, score) -> {
      if (pattern == null || pattern.matches(member)) {
        items.add(Replies.bulk(member));
        items.add(Replies.bulk(RedisNumbers.formatDouble(score)));
      }
    };
    long next = 0;
    if (isCompact(zset)) {
      zset.forEach(0, zset.size(), false, collect);
    } else {
      next = zset.scan(cursor, count, collect);
    }
    return Replies.array(Replies.bulk(Long.toUnsignedString(next)), Replies.array(items));
  }

  private static boolean isCompact(ZSetValue zset) {
    if (zset.size() > COMPACT_ENTRIES) {
      return false;
    }
    boolean[] small = {true};
    zset.forEach(0, zset.size(), false, (member, score) -> small[0] &= member.length <= COMPACT_MEMBER_BYTES);
    return small[0];
  }
}
