package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.catalog.Strtod;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.proto.SlotHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SORT and SORT_RO on lists, sets and sorted sets. As in Redis's cluster mode, BY and GET patterns
 * that name other keys (a "*" to substitute) are refused; BY without a "*" (such as "nosort") skips
 * the sort, GET "#" answers the element itself and a GET pattern without "*" answers nil.
 *
 * <p>Order is deterministic: numeric ties are broken by the elements' bytes (as Redis does, so DESC
 * reverses them too), and a set that is not sorted (BY nosort) is given in byte order, as Redis
 * does when it stores such a result.
 */
final class SortCommand {
  private SortCommand() {}

  private static final Reply BY_DENIED = Replies.error("ERR BY option of SORT denied in Cluster mode.");
  private static final Reply GET_DENIED = Replies.error("ERR GET option of SORT denied in Cluster mode.");
  private static final Reply NOT_DOUBLE = Replies.error("ERR One or more scores can't be converted into double");
  private static final byte[] EMPTY = new byte[0];

  static Reply sort(ExecutionContext ctx, CommandArgs args) {
    return sort(ctx, args, false);
  }

  static Reply sortReadOnly(ExecutionContext ctx, CommandArgs args) {
    return sort(ctx, args, true);
  }

  /** One element and, when sorting numerically, its score. */
  private record Item(byte[] element, double score) {}

  /** SORT's options, all parsed before the key is read. */
  private record Options(boolean desc, boolean alpha, boolean dontSort, long limitStart, long limitCount,
      byte[] store, List<byte[]> gets) {}

  /** SORT's argument check: the STORE key's slot, then every option, as the handler reads them. */
  static void check(CommandArgs args) {
    parse(args, false);
  }

  private static Options parse(CommandArgs args, boolean readOnly) {
    if (!readOnly) {
      checkStoreSlot(args);
    }
    boolean desc = false;
    boolean alpha = false;
    boolean dontSort = false;
    long limitStart = 0;
    long limitCount = -1;
    byte[] store = null;
    List<byte[]> gets = new ArrayList<>();
    for (int j = 2; j < args.argc(); j++) {
      int left = args.argc() - j - 1;
      if (args.is(j, "ASC")) {
        desc = false;
      } else if (args.is(j, "DESC")) {
        desc = true;
      } else if (args.is(j, "ALPHA")) {
        alpha = true;
      } else if (args.is(j, "LIMIT") && left >= 2) {
        limitStart = args.longArg(j + 1);
        limitCount = args.longArg(j + 2);
        j += 2;
      } else if (!readOnly && args.is(j, "STORE") && left >= 1) {
        store = args.bytes(++j);
      } else if (args.is(j, "BY") && left >= 1) {
        if (indexOf(args.bytes(++j), (byte) '*') < 0) {
          dontSort = true;
        } else {
          throw new CommandException(BY_DENIED);
        }
      } else if (args.is(j, "GET") && left >= 1) {
        byte[] pattern = args.bytes(++j);
        if (!isHash(pattern) && indexOf(pattern, (byte) '*') >= 0) {
          throw new CommandException(GET_DENIED);
        }
        gets.add(pattern);
      } else {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
    }
    return new Options(desc, alpha, dontSort, limitStart, limitCount, store, gets);
  }

  private static Reply sort(ExecutionContext ctx, CommandArgs args, boolean readOnly) {
    Options options = parse(args, readOnly);
    boolean desc = options.desc();
    boolean alpha = options.alpha();
    boolean dontSort = options.dontSort();
    long limitStart = options.limitStart();
    long limitCount = options.limitCount();
    byte[] store = options.store();
    List<byte[]> gets = options.gets();
    KeyEntry entry = ctx.lookup(args.bytes(1));
    List<byte[]> elements = elements(entry, desc && dontSort);
    boolean isSet = entry != null && entry.value() instanceof SetValue;
    if (dontSort && isSet) {
      // A set has no order of its own; give the byte order, as Redis does when it stores one.
      dontSort = false;
      alpha = true;
    }
    List<byte[]> sorted = dontSort ? elements : sortElements(elements, alpha, desc);

    int size = sorted.size();
    long start = Math.max(0, limitStart);
    long end = limitCount < 0 ? size - 1 : start + limitCount - 1;
    if (start >= size) {
      start = size - 1;
      end = size - 2;
    }
    if (end >= size) {
      end = size - 1;
    }
    List<byte[]> output = new ArrayList<>();
    for (long i = start; i <= end; i++) {
      byte[] element = sorted.get((int) i);
      if (gets.isEmpty()) {
        output.add(element);
      } else {
        for (byte[] pattern : gets) {
          output.add(isHash(pattern) ? element : null);
        }
      }
    }

    if (store == null) {
      return Replies.bulkArray(output);
    }
    if (output.isEmpty()) {
      ctx.keyspace().delete(store, ctx.nowMs());
    } else {
      ListValue list = new ListValue();
      for (byte[] value : output) {
        list.pushLast(value == null ? EMPTY : value);
      }
      ctx.keyspace().put(store, list, 0);
    }
    return Replies.integer(output.size());
  }

  /**
   * The keys Redis's key extraction finds for SORT: the source and the last STORE destination,
   * found whatever else the options hold; they must share a slot.
   */
  private static void checkStoreSlot(CommandArgs args) {
    byte[] store = null;
    for (int j = 2; j < args.argc(); j++) {
      if (args.is(j, "LIMIT")) {
        j += 2;
      } else if (args.is(j, "GET") || args.is(j, "BY")) {
        j++;
      } else if (args.is(j, "STORE") && j + 1 < args.argc()) {
        store = args.bytes(++j);
      }
    }
    if (store != null && SlotHash.slot(store) != SlotHash.slot(args.bytes(1))) {
      throw new CommandException(new RoutingReply.CrossSlot());
    }
  }

  /** The elements in their own order (reversed for an unsorted DESC); WRONGTYPE for other types. */
  private static List<byte[]> elements(KeyEntry entry, boolean reverse) {
    List<byte[]> elements = new ArrayList<>();
    if (entry == null) {
      return elements;
    }
    if (entry.value() instanceof ListValue list) {
      list.forEach((array, offset, length) -> elements.add(Arrays.copyOfRange(array, offset, offset + length)));
      if (reverse) {
        java.util.Collections.reverse(elements);
      }
    } else if (entry.value() instanceof SetValue set) {
      set.forEachPosition(pos -> elements.add(set.memberAt(pos)));
    } else if (entry.value() instanceof ZSetValue zset) {
      zset.forEach(0, zset.size(), reverse, (member, score) -> elements.add(member));
    } else {
      throw new CommandException(ErrorReplies.WRONG_TYPE);
    }
    return elements;
  }

  private static List<byte[]> sortElements(List<byte[]> elements, boolean alpha, boolean desc) {
    Comparator<byte[]> bytes = Arrays::compareUnsigned;
    List<byte[]> sorted = new ArrayList<>(elements.size());
    if (alpha) {
      sorted.addAll(elements);
      sorted.sort(desc ? bytes.reversed() : bytes);
      return sorted;
    }
    List<Item> items = new ArrayList<>(elements.size());
    for (byte[] element : elements) {
      items.add(new Item(element, score(element)));
    }
    // Scores compare with < and >, so -0 and 0 tie and are ordered by their bytes.
    Comparator<Item> order = (a, b) -> a.score() < b.score() ? -1
        : a.score() > b.score() ? 1 : Arrays.compareUnsigned(a.element(), b.element());
    items.sort(desc ? order.reversed() : order);
    for (Item item : items) {
      sorted.add(item.element());
    }
    return sorted;
  }

  /** The element read as strtod reads it; the whole of it must be a number, and not NaN. */
  private static double score(byte[] element) {
    Long exact = RedisNumbers.parseLong(element);
    if (exact != null) {
      return exact;
    }
    Strtod.Result result = Strtod.parse(element, 0);
    if (result.end() != element.length || result.outOfRange() || Double.isNaN(result.value())) {
      throw new CommandException(NOT_DOUBLE);
    }
    return result.value();
  }

  private static boolean isHash(byte[] pattern) {
    return pattern.length == 1 && pattern[0] == '#';
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
