package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.HashValue;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * HSCAN key cursor [MATCH pattern] [COUNT count] [NOVALUES] and SSCAN key cursor [MATCH pattern]
 * [COUNT count]. A hash or set of a few elements answers all of them at once with cursor 0, as
 * Redis does for its small encodings; a larger one walks its index with Redis's reverse-binary
 * cursor (see {@code PositionIndex}), so an element present for the whole scan is returned at
 * least once. Redis reads the cursor, then the key's type, and the options only for a key that
 * exists.
 */
final class CollectionScanCommands {
  private CollectionScanCommands() {}

  static Reply hscan(ExecutionContext ctx, CommandArgs args) {
    long cursor = ScanOptions.parseCursor(args.bytes(2));
    HashValue hash = StoredCollections.read(ctx, args.bytes(1), HashValue.class);
    if (hash == null) {
      return ScanOptions.reply(0, List.of());
    }
    ScanOptions options = ScanOptions.parse(args, 3, ScanOptions.Extra.NOVALUES);
    List<Integer> visited = new ArrayList<>();
    long next = options.walk(cursor, (c, out) -> hash.scanStep(c, out::add), visited);
    List<byte[]> items = new ArrayList<>();
    for (int pos : visited) {
      byte[] field = hash.fieldAt(pos);
      if (options.matches(field)) {
        items.add(field);
        if (!options.noValues()) {
          items.add(hash.valueAt(pos));
        }
      }
    }
    return ScanOptions.reply(next, items);
  }

  static Reply sscan(ExecutionContext ctx, CommandArgs args) {
    long cursor = ScanOptions.parseCursor(args.bytes(2));
    SetValue set = StoredCollections.read(ctx, args.bytes(1), SetValue.class);
    if (set == null) {
      return ScanOptions.reply(0, List.of());
    }
    ScanOptions options = ScanOptions.parse(args, 3, ScanOptions.Extra.NONE);
    List<Integer> visited = new ArrayList<>();
    long next = options.walk(cursor, (c, out) -> set.scanStep(c, out::add), visited);
    List<byte[]> members = new ArrayList<>();
    for (int pos : visited) {
      byte[] member = set.memberAt(pos);
      if (options.matches(member)) {
        members.add(member);
      }
    }
    return ScanOptions.reply(next, members);
  }
}
