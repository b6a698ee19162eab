package io.slotraft.node.snapshot;

import static io.slotraft.node.snapshot.KeyspaceAssertions.assertSameContent;
import static io.slotraft.node.snapshot.KeyspaceAssertions.assertSameList;
import static io.slotraft.node.snapshot.SnapshotFixtures.CLOCK_MS;
import static io.slotraft.node.snapshot.SnapshotFixtures.POINT;
import static io.slotraft.node.snapshot.SnapshotFixtures.bytes;
import static io.slotraft.node.snapshot.SnapshotFixtures.keyspaceWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.KeyEntry;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.proto.v1.ListSnapshot;
import io.slotraft.proto.v1.SnapshotValue;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists through the snapshot codec and files: elements, order, expiry, and frozen captures. */
class ListSnapshotTest {
  private static final Path FILE = Path.of("keyspace.sst");

  @TempDir Path dir;

  @Test
  void binaryEmptyAndLargeElementsComeBackInOrder() throws Exception {
    ListValue list = listOf(new byte[0], new byte[] {0, (byte) 0xFF}, new byte[20_000], bytes("x"));

    byte[] encoded = SnapshotValueCodec.encode(list, CLOCK_MS + 5, 0);
    SnapshotValueCodec.DecodedValue decoded = SnapshotValueCodec.decode(encoded, FILE, bytes("l"));

    assertSameList(list, (ListValue) decoded.value(), "l");
    assertEquals(CLOCK_MS + 5, decoded.expireAtMs());
  }

  @Test
  void anEmptyListIsCorrupt() {
    byte[] encoded = SnapshotValue.newBuilder().setListValue(ListSnapshot.getDefaultInstance()).build().toByteArray();

    CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
        () -> SnapshotValueCodec.decode(encoded, FILE, bytes("l")));
    assertEquals("corrupt snapshot file keyspace.sst: value of key \"l\" is an empty list", e.getMessage());
  }

  @Test
  void listsAndStringsComeBackFromTheFiles() throws IOException {
    Keyspace source = keyspaceWith("a", "b");
    source.put(bytes("list"), listOf(bytes("1"), bytes("2"), bytes("3")), 0);
    source.put(bytes("expiring list"), listOf(bytes("x")), CLOCK_MS + 60_000);

    assertSameContent(source, writeAndLoad(source));
  }

  /** A write after capture goes to a copy, so the file holds the list as it was at capture. */
  @Test
  void theImageKeepsTheListAsCapturedWhileWritesGoOn() throws IOException {
    Keyspace source = new Keyspace();
    source.put(bytes("l"), listOf(bytes("a"), bytes("b")), 0);
    Keyspace expected = new Keyspace();
    expected.put(bytes("l"), listOf(bytes("a"), bytes("b")), 0);
    KeyspaceImage image = KeyspaceImage.capture(source, POINT);

    ExecutionContext write = ExecutionContext.forApply(source, CLOCK_MS, 1);
    KeyEntry entry = write.lookup(bytes("l"));
    ListValue changed = write.forUpdate(entry, ListValue.class);
    changed.popFirst();
    changed.pushLast(bytes("c"));
    SnapshotFileWriter.write(image, dir);

    Keyspace loaded = new Keyspace();
    SnapshotFileReader.load(dir, loaded);
    assertSameContent(expected, loaded);
  }

  @Test
  void aMillionElementListComesBackIdentical() throws IOException {
    ListValue big = new ListValue();
    for (int i = 0; i < 1_000_000; i++) {
      big.pushLast(bytes(Integer.toString(i)));
    }
    Keyspace source = new Keyspace();
    source.put(bytes("big"), big, 0);

    assertSameContent(source, writeAndLoad(source));
  }

  private Keyspace writeAndLoad(Keyspace source) throws IOException {
    SnapshotFileWriter.write(KeyspaceImage.capture(source, POINT), dir);
    Keyspace loaded = new Keyspace();
    SnapshotFileReader.load(dir, loaded);
    return loaded;
  }

  private static ListValue listOf(byte[]... elements) {
    ListValue list = new ListValue();
    for (byte[] element : elements) {
      list.pushLast(element);
    }
    return list;
  }
}
