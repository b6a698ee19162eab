package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.reply.ErrorReplies;
import java.nio.charset.StandardCharsets;

/** What the string commands share: an entry's bytes (or WRONGTYPE), the size limit, storing. */
final class Strings {
  /** Redis's default proto-max-bulk-len: no command may build a longer string. */
  static final long MAX_LENGTH = 512L * 1024 * 1024;

  private Strings() {}

  /** The bytes of a string entry; any other type answers WRONGTYPE. */
  static byte[] bytesOf(KeyEntry entry) {
    if (entry.value() instanceof StringValue string) {
      return string.bytes();
    }
    throw new CommandException(ErrorReplies.WRONG_TYPE);
  }

  /** As {@link #bytesOf}, null for an absent key. */
  static byte[] bytesOrNull(KeyEntry entry) {
    return entry == null ? null : bytesOf(entry);
  }

  /** Refuses a string of {@code length + extra} bytes beyond the limit, overflow included. */
  static void checkLength(long length, long extra) {
    if (length > MAX_LENGTH - extra) {
      throw new CommandException(ErrorReplies.STRING_TOO_LONG);
    }
  }

  /** Stores a new string, keeping the expiry of {@code existing} when there is one. */
  static void store(ExecutionContext ctx, byte[] key, KeyEntry existing, byte[] bytes) {
    if (existing == null) {
      ctx.keyspace().put(key, new StringValue(bytes), 0);
    } else {
      ctx.keyspace().replaceValue(existing, new StringValue(bytes));
    }
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
