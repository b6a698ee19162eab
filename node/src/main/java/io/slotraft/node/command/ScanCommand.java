package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. The cursor is the keyspace table's
 * reverse-binary bucket cursor, so a key present for the whole scan is returned at least once
 * however the table grows or shrinks between calls; a key may be returned twice.
 */
final class ScanCommand {
  private ScanCommand() {}

  static Reply scan(ExecutionContext ctx, CommandArgs args) {
    long cursor = ScanOptions.parseCursor(args.bytes(1));
    ScanOptions options = ScanOptions.parse(args, 2, ScanOptions.Extra.TYPE);
    List<KeyEntry> visited = new ArrayList<>();
    Keyspace keyspace = ctx.keyspace();
    long next = keyspace.size() == 0 ? 0 : options.walk(cursor, (c, out) -> keyspace.scanStep(c, out::add), visited);
    List<byte[]> keys = new ArrayList<>();
    for (KeyEntry entry : visited) {
      if (wanted(entry, options, ctx.nowMs())) {
        keys.add(entry.key());
      }
    }
    return ScanOptions.reply(next, keys);
  }

  /** Reads see an expired key as absent, so SCAN skips it; an unknown TYPE matches nothing. */
  private static boolean wanted(KeyEntry entry, ScanOptions options, long nowMs) {
    if (entry.isExpired(nowMs) || !options.matches(entry.key())) {
      return false;
    }
    return options.type() == null || options.type().equalsIgnoreCase(entry.value().typeName());
  }
}
