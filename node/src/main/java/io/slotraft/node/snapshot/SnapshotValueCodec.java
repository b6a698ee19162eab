package io.slotraft.node.snapshot;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.keyspace.HashValue;
import io.slotraft.node.keyspace.RedisValue;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.proto.v1.ListSnapshot;
import io.slotraft.proto.v1.HashSnapshot;
import io.slotraft.proto.v1.SetSnapshot;
import io.slotraft.proto.v1.SnapshotValue;
import java.nio.file.Path;

/**
 * One key's value and expiry as a {@link SnapshotValue}, the SST value of format version 1.
 *
 * <p>Each value type is one field of the {@code value} oneof. Adding a type to {@link RedisValue}
 * means adding a oneof field and a branch in both methods here; an older node reading such a
 * snapshot sees no oneof case it knows and refuses the snapshot rather than losing the key.
 */
final class SnapshotValueCodec {
  private static final int MAX_KEY_BYTES_SHOWN = 64;

  /** A decoded SST value: what goes into the keyspace for one key. */
  record DecodedValue(RedisValue value, long expireAtMs, long version) {}

  private SnapshotValueCodec() {}

  static byte[] encode(RedisValue value, long expireAtMs, long version) {
    SnapshotValue.Builder builder = SnapshotValue.newBuilder().setExpireAtMs(expireAtMs).setVersion(version);
    if (value instanceof StringValue string) {
      // Stored values are never mutated, so protobuf may read the array in place instead of copying it.
      builder.setStringValue(UnsafeByteOperations.unsafeWrap(string.bytes()));
    } else if (value instanceof ListValue list) {
      builder.setListValue(encodeList(list));
    } else if (value instanceof HashValue hash) {
      // toPackedBytes makes a fresh array, which protobuf may then keep without a copy.
      builder.setHashValue(HashSnapshot.newBuilder()
          .setRecords(UnsafeByteOperations.unsafeWrap(hash.toPackedBytes())).setFieldCount(hash.size()));
    } else if (value instanceof SetValue set) {
      builder.setSetValue(SetSnapshot.newBuilder()
          .setMembers(UnsafeByteOperations.unsafeWrap(set.toPackedBytes())).setMemberCount(set.size()));
    } else if (value instanceof ZSetValue zset) {
      builder.setZsetValue(ZSetSnapshotCodec.encode(zset));
    } else {
      throw new IllegalArgumentException(
          "no snapshot encoding for value type " + value.typeName() + ": add a SnapshotValue oneof field");
    }
    return builder.build().toByteArray();
  }

  /** Decodes the value stored under {@code key} in {@code file}; errors name both. */
  static DecodedValue decode(byte[] bytes, Path file, byte[] key) throws CorruptSnapshotException {
    SnapshotValue stored = parse(bytes, file, key);
    switch (stored.getValueCase()) {
      case STRING_VALUE:
        return new DecodedValue(new StringValue(stored.getStringValue().toByteArray()), stored.getExpireAtMs(), stored.getVersion());
      case LIST_VALUE:
        return new DecodedValue(decodeList(stored.getListValue(), file, key), stored.getExpireAtMs(), stored.getVersion());
      case HASH_VALUE:
        return new DecodedValue(decodeHash(stored.getHashValue(), file, key), stored.getExpireAtMs(), stored.getVersion());
      case SET_VALUE:
        return new DecodedValue(decodeSet(stored.getSetValue(), file, key), stored.getExpireAtMs(), stored.getVersion());
      case ZSET_VALUE:
        return new DecodedValue(ZSetSnapshotCodec.decode(stored.getZsetValue(), file, key), stored.getExpireAtMs(), stored.getVersion());
      default:
        throw unknownType(stored, file, key);
    }
  }

  /**
   * Wraps the chunks' arrays without copying: the list being written was captured by a snapshot, so
   * nothing changes it any more (a write copies it first), and the message is serialised before
   * this class returns.
   */
  private static ListSnapshot encodeList(ListValue list) {
    ListSnapshot.Builder elements = ListSnapshot.newBuilder();
    list.forEach((array, offset, length) -> elements.addElements(UnsafeByteOperations.unsafeWrap(array, offset, length)));
    return elements.build();
  }

  /** A list is never stored empty, so an empty one means the file is not what a writer wrote. */
  private static ListValue decodeList(ListSnapshot stored, Path file, byte[] key) throws CorruptSnapshotException {
    if (stored.getElementsCount() == 0) {
      throw new CorruptSnapshotException(file, "value of key " + printable(key) + " is an empty list");
    }
    ListValue list = new ListValue();
    for (ByteString element : stored.getElementsList()) {
      list.pushLast(element.toByteArray());
    }
    return list;
  }

  /** An empty collection is never stored, so a snapshot holding one is corrupt too. */
  private static HashValue decodeHash(HashSnapshot hash, Path file, byte[] key) throws CorruptSnapshotException {
    try {
      checkNotEmpty(hash.getFieldCount());
      return HashValue.fromPackedBytes(hash.getRecords().toByteArray(), hash.getFieldCount());
    } catch (IllegalArgumentException e) {
      throw new CorruptSnapshotException(file, "hash at key " + printable(key) + " is malformed: " + e.getMessage(), e);
    }
  }

  private static SetValue decodeSet(SetSnapshot set, Path file, byte[] key) throws CorruptSnapshotException {
    try {
      checkNotEmpty(set.getMemberCount());
      return SetValue.fromPackedBytes(set.getMembers().toByteArray(), set.getMemberCount());
    } catch (IllegalArgumentException e) {
      throw new CorruptSnapshotException(file, "set at key " + printable(key) + " is malformed: " + e.getMessage(), e);
    }
  }

  /** The count is a uint32: above Integer.MAX_VALUE it reads negative, which no collection holds either. */
  private static void checkNotEmpty(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("it announces " + Integer.toUnsignedString(count) + " elements");
    }
  }

  private static SnapshotValue parse(byte[] bytes, Path file, byte[] key) throws CorruptSnapshotException {
    try {
      return SnapshotValue.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptSnapshotException(file, "value of key " + printable(key) + " is not a SnapshotValue", e);
    }
  }

  private static CorruptSnapshotException unknownType(SnapshotValue stored, Path file, byte[] key) {
    // A oneof field this version does not know is parsed as an unknown field, leaving no case set.
    if (stored.getUnknownFields().asMap().isEmpty()) {
      return new CorruptSnapshotException(file, "value of key " + printable(key) + " has no value field");
    }
    return new CorruptSnapshotException(file, "value of key " + printable(key) + " has a type unknown to this"
        + " version (SnapshotValue field " + stored.getUnknownFields().asMap().keySet()
        + "): the snapshot was written by a newer version of Slotraft; upgrade this node");
  }

  /** The key in quotes, other than printable ASCII as \xNN, cut short: keys are binary and may be long. */
  static String printable(byte[] key) {
    StringBuilder text = new StringBuilder("\"");
    int shown = Math.min(key.length, MAX_KEY_BYTES_SHOWN);
    for (int i = 0; i < shown; i++) {
      int b = key[i] & 0xFF;
      if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02x", b));
      }
    }
    text.append('"');
    if (key.length > shown) {
      text.append("... (").append(key.length).append(" bytes)");
    }
    return text.toString();
  }
}
