package io.slotraft.node.command;

import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.ListValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The "pop now" halves of the list commands, pure and public: LPOP, RPOP, LMPOP, LMOVE and
 * RPOPLPUSH run them directly, and the blocking variants (BLPOP, BRPOP, BLMPOP, BLMOVE,
 * BRPOPLPUSH) run them as the proposed write once a waiting client is woken; a null answer then
 * means "still nothing, keep waiting". They run on the write path only, delete lists they empty,
 * and throw WRONGTYPE before changing anything. Callers check that the keys share one slot.
 */
public final class ListPops {
  private ListPops() {}

  /** What one pop took: the key and its elements in the order they were popped. */
  public record Popped(byte[] key, List<byte[]> elements) {}

  /**
   * Pops up to {@code count} elements from the first of {@code keys} that holds a list, or null
   * when none does. As in Redis, a key of another type answers WRONGTYPE only if no list comes
   * before it.
   */
  public static Popped popFirstNonEmpty(ExecutionContext ctx, List<byte[]> keys, ListSide side, long count) {
    for (byte[] key : keys) {
      KeyEntry entry = ctx.lookup(key);
      if (Lists.listOrNull(entry) != null) {
        return new Popped(key, popFrom(ctx, entry, side, count));
      }
    }
    return null;
  }

  /** Up to {@code count} elements popped from {@code key}; none when count is 0; null when absent. */
  public static List<byte[]> pop(ExecutionContext ctx, byte[] key, ListSide side, long count) {
    KeyEntry entry = ctx.lookup(key);
    if (Lists.listOrNull(entry) == null) {
      return null;
    }
    return count == 0 ? List.of() : popFrom(ctx, entry, side, count);
  }

  /**
   * Pops one element from {@code source} and pushes it onto {@code destination}; null when the
   * source is absent. One key as both rotates the list in place, keeping its expiry. Both keys are
   * type-checked before anything changes.
   */
  public static byte[] move(ExecutionContext ctx, byte[] source, byte[] destination, ListSide from, ListSide to) {
    KeyEntry sourceEntry = ctx.lookup(source);
    if (Lists.listOrNull(sourceEntry) == null) {
      return null;
    }
    boolean sameKey = Arrays.equals(source, destination);
    KeyEntry destinationEntry = sameKey ? sourceEntry : ctx.lookup(destination);
    Lists.listOrNull(destinationEntry);
    ListValue sourceList = ctx.forUpdate(sourceEntry, ListValue.class);
    byte[] element = from.pop(sourceList);
    if (sameKey) {
      to.push(sourceList, element);
      return element;
    }
    pushOrCreate(ctx, destination, destinationEntry, to, element);
    Lists.deleteIfEmpty(ctx, sourceEntry, sourceList);
    return element;
  }

  private static List<byte[]> popFrom(ExecutionContext ctx, KeyEntry entry, ListSide side, long count) {
    ListValue list = ctx.forUpdate(entry, ListValue.class);
    int taken = (int) Math.min(count, list.size());
    List<byte[]> elements = new ArrayList<>(taken);
    for (int i = 0; i < taken; i++) {
      elements.add(side.pop(list));
    }
    Lists.deleteIfEmpty(ctx, entry, list);
    return elements;
  }

  private static void pushOrCreate(ExecutionContext ctx, byte[] key, KeyEntry entry, ListSide side, byte[] element) {
    if (entry != null) {
      side.push(ctx.forUpdate(entry, ListValue.class), element);
      return;
    }
    ListValue list = new ListValue();
    side.push(list, element);
    ctx.keyspace().put(key, list, 0);
  }
}
