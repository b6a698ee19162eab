package io.slotraft.node.snapshot;

import static io.slotraft.node.snapshot.SnapshotFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.slotraft.node.keyspace.HashValue;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.proto.v1.HashSnapshot;
import io.slotraft.proto.v1.SetSnapshot;
import io.slotraft.proto.v1.SnapshotValue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SnapshotValueCodecTest {
  private static final Path FILE = Path.of("keyspace.sst");

  @Test
  void emptyStringIsStillAStringNotAMissingValue() throws Exception {
    byte[] encoded = SnapshotValueCodec.encode(new StringValue(new byte[0]), 0, 0);

    SnapshotValueCodec.DecodedValue decoded = SnapshotValueCodec.decode(encoded, FILE, bytes("k"));

    assertArrayEquals(new byte[0], ((StringValue) decoded.value()).bytes());
    assertEquals(0, decoded.expireAtMs());
  }

  @Test
  void expiryAndVersionTravelWithTheValue() throws Exception {
    byte[] encoded = SnapshotValueCodec.encode(new StringValue(bytes("v")), 1_700_000_000_123L, 42);

    SnapshotValueCodec.DecodedValue decoded = SnapshotValueCodec.decode(encoded, FILE, bytes("k"));
    assertEquals(1_700_000_000_123L, decoded.expireAtMs());
    assertEquals(42, decoded.version(), "WATCH's version of the key");
  }

  @Test
  void valueWithNoTypeAtAllIsCorrupt() {
    byte[] encoded = SnapshotValue.newBuilder().setExpireAtMs(5).build().toByteArray();

    CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
        () -> SnapshotValueCodec.decode(encoded, FILE, bytes("k")));
    assertEquals("corrupt snapshot file keyspace.sst: value of key \"k\" has no value field", e.getMessage());
  }

  @Test
  void hashComesBackWithItsFieldsInOrder() throws Exception {
    HashValue hash = new HashValue();
    hash.put(bytes("b"), bytes("2"));
    hash.put(new byte[0], new byte[] {0, (byte) 0xFF});
    hash.put(bytes("a"), new byte[300]);

    SnapshotValueCodec.DecodedValue decoded =
        SnapshotValueCodec.decode(SnapshotValueCodec.encode(hash, 7, 0), FILE, bytes("k"));

    HashValue back = (HashValue) decoded.value();
    assertEquals(7, decoded.expireAtMs());
    assertEquals(3, back.size());
    assertArrayEquals(bytes("b"), back.fieldAt(0));
    assertArrayEquals(new byte[] {0, (byte) 0xFF}, back.get(new byte[0]));
    assertArrayEquals(new byte[300], back.valueAt(2));
  }

  @Test
  void setComesBackWithItsMembersInOrder() throws Exception {
    SetValue set = new SetValue();
    for (int i = 0; i < 100; i++) {
      set.add(bytes("m" + i));
    }
    set.remove(bytes("m3"));

    SetValue back = (SetValue) SnapshotValueCodec.decode(SnapshotValueCodec.encode(set, 0, 0), FILE, bytes("k")).value();

    assertArrayEquals(set.toPackedBytes(), back.toPackedBytes());
    assertArrayEquals(bytes("m99"), back.memberAt(3), "the last member took the removed one's place");
    assertEquals(false, back.contains(bytes("m3")));
  }

  @Test
  void setNamingAMemberTwiceIsCorrupt() {
    assertCorruptSet(new byte[] {1, 'a', 1, 'a'}, 2, "set at key \"k\" is malformed: element 1 repeats an earlier one");
  }

  @Test
  void setWhoseCountDisagreesWithItsMembersIsCorrupt() {
    assertCorruptSet(new byte[] {1, 'a', 1, 'b'}, 3, "2 records where 3 were announced");
    assertCorruptSet(new byte[] {1, 'a', 1, 'b'}, 1, "more than 1 records");
    assertCorruptSet(new byte[0], 0, "it announces 0 elements");
  }

  @Test
  void setWithALengthRunningPastTheEndIsCorrupt() {
    assertCorruptSet(new byte[] {5, 'a'}, 1, "a string of 5 bytes runs past the end at byte 1");
    assertCorruptSet(new byte[] {(byte) 0x80}, 1, "bad length at byte 0");
  }

  /** Lengths are read back by their value's size, so a padded varint would misplace every byte after it. */
  @Test
  void setWithAnOverlongLengthIsCorrupt() {
    assertCorruptSet(new byte[] {(byte) 0x81, 0, 'a'}, 1, "overlong length at byte 0");
  }

  @Test
  void hashMissingTheValueOfItsLastFieldIsCorrupt() {
    byte[] encoded = SnapshotValue.newBuilder().setHashValue(HashSnapshot.newBuilder()
        .setRecords(ByteString.copyFrom(new byte[] {1, 'f', 1, 'v', 1, 'g'})).setFieldCount(2)).build().toByteArray();

    CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
        () -> SnapshotValueCodec.decode(encoded, FILE, bytes("k")));
    assertTrue(e.getMessage().contains("hash at key \"k\" is malformed: bad length at byte 6"), e.getMessage());
  }

  private static void assertCorruptSet(byte[] members, int count, String problem) {
    byte[] encoded = SnapshotValue.newBuilder().setSetValue(SetSnapshot.newBuilder()
        .setMembers(ByteString.copyFrom(members)).setMemberCount(count)).build().toByteArray();

    CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
        () -> SnapshotValueCodec.decode(encoded, FILE, bytes("k")));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void keysInMessagesAreQuotedWithHexEscapesAndCutShort() {
    assertEquals("\"a\\x00\\xff\\x22\"", SnapshotValueCodec.printable(new byte[] {'a', 0, (byte) 0xFF, '"'}));
    assertEquals("\"" + "x".repeat(64) + "\"... (100 bytes)", SnapshotValueCodec.printable(bytes("x".repeat(100))));
  }
}
