package io.slotraft.node.snapshot;

import static io.slotraft.node.snapshot.SnapshotFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotraft.node.keyspace.StringValue;
import io.slotraft.proto.v1.SnapshotValue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SnapshotValueCodecTest {
  private static final Path FILE = Path.of("keyspace.sst");

  @Test
  void emptyStringIsStillAStringNotAMissingValue() throws Exception {
    byte[] encoded = SnapshotValueCodec.encode(new StringValue(new byte[0]), 0);

    SnapshotValueCodec.DecodedValue decoded = SnapshotValueCodec.decode(encoded, FILE, bytes("k"));

    assertArrayEquals(new byte[0], ((StringValue) decoded.value()).bytes());
    assertEquals(0, decoded.expireAtMs());
  }

  @Test
  void expiryTravelsWithTheValue() throws Exception {
    byte[] encoded = SnapshotValueCodec.encode(new StringValue(bytes("v")), 1_700_000_000_123L);

    assertEquals(1_700_000_000_123L, SnapshotValueCodec.decode(encoded, FILE, bytes("k")).expireAtMs());
  }

  @Test
  void valueWithNoTypeAtAllIsCorrupt() {
    byte[] encoded = SnapshotValue.newBuilder().setExpireAtMs(5).build().toByteArray();

    CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
        () -> SnapshotValueCodec.decode(encoded, FILE, bytes("k")));
    assertEquals("corrupt snapshot file keyspace.sst: value of key \"k\" has no value field", e.getMessage());
  }

  @Test
  void keysInMessagesAreQuotedWithHexEscapesAndCutShort() {
    assertEquals("\"a\\x00\\xff\\x22\"", SnapshotValueCodec.printable(new byte[] {'a', 0, (byte) 0xFF, '"'}));
    assertEquals("\"" + "x".repeat(64) + "\"... (100 bytes)", SnapshotValueCodec.printable(bytes("x".repeat(100))));
  }
}
