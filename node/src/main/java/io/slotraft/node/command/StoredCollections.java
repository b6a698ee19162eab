package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.PackedCollection;
import io.slotraft.node.keyspace.RedisValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.function.Supplier;

/**
 * What the hash and set commands share: the type check (WRONGTYPE), getting a collection ready to
 * change (copy-on-write, or a new one stored under the key), the size limit, and deleting a key
 * whose collection became empty, since Redis never keeps an empty hash or set.
 */
final class StoredCollections {
  static final Reply TOO_LARGE = Replies.error("ERR a hash or set may hold at most " + PackedCollection.MAX_BYTES
      + " bytes of elements, the most one snapshot value can carry");

  private StoredCollections() {}

  /** The entry's value as {@code type}; null for no entry; another type answers WRONGTYPE. */
  static <T extends RedisValue> T valueOf(KeyEntry entry, Class<T> type) {
    if (entry == null) {
      return null;
    }
    if (!type.isInstance(entry.value())) {
      throw new CommandException(ErrorReplies.WRONG_TYPE);
    }
    return type.cast(entry.value());
  }

  /** The value at {@code key} as {@code type}, or null when the key is absent. */
  static <T extends RedisValue> T read(ExecutionContext ctx, byte[] key, Class<T> type) {
    return valueOf(ctx.lookup(key), type);
  }

  /**
   * The collection at {@code key}, ready to change in place; null when the key is absent. Only on
   * the write path.
   */
  static <T extends PackedCollection> T forUpdate(ExecutionContext ctx, byte[] key, Class<T> type) {
    KeyEntry entry = ctx.lookup(key);
    return valueOf(entry, type) == null ? null : ctx.forUpdate(entry, type);
  }

  /**
   * The collection at {@code key}, ready to receive {@code elements} new elements of {@code bytes}
   * bytes in all: the stored one, or a new empty one stored now (the caller must then add to it,
   * since an empty collection must not stay). Refuses, changing nothing, if they would not fit.
   */
  static <T extends PackedCollection> T forAdding(ExecutionContext ctx, byte[] key, Class<T> type,
      Supplier<T> empty, long elements, long bytes) {
    KeyEntry entry = ctx.lookup(key);
    T current = valueOf(entry, type);
    T target = current == null ? empty.get() : current;
    if (!target.hasRoomFor(elements, bytes)) {
      throw new CommandException(TOO_LARGE);
    }
    if (current == null) {
      ctx.keyspace().put(key, target, 0);
      return target;
    }
    return ctx.forUpdate(entry, type);
  }

  /** Deletes the key if its collection has no element left. */
  static void deleteIfEmpty(ExecutionContext ctx, byte[] key, PackedCollection collection) {
    if (collection.size() == 0) {
      ctx.keyspace().delete(key, ctx.nowMs());
    }
  }
}
