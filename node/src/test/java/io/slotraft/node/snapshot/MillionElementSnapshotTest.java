package io.slotraft.node.snapshot;

import static io.slotraft.node.snapshot.KeyspaceAssertions.assertSameContent;
import static io.slotraft.node.snapshot.SnapshotFixtures.CLOCK_MS;
import static io.slotraft.node.snapshot.SnapshotFixtures.POINT;
import static io.slotraft.node.snapshot.SnapshotFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.node.keyspace.HashValue;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.SetValue;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hash and a set of a million elements each through a snapshot; correctness only, not timed. */
class MillionElementSnapshotTest {
  static final int ELEMENTS = 1_000_000;

  @TempDir Path dir;

  @Test
  void millionFieldHashAndMillionMemberSetComeBackIdentical() throws IOException {
    Keyspace source = new Keyspace();
    HashValue hash = new HashValue();
    SetValue set = new SetValue();
    for (int i = 0; i < ELEMENTS; i++) {
      hash.put(bytes("field:" + i), bytes("value:" + i));
      set.add(bytes("member:" + i));
    }
    // Removals reorder the elements; the snapshot must keep that order.
    for (int i = 0; i < ELEMENTS; i += 1000) {
      hash.remove(bytes("field:" + i));
      set.remove(bytes("member:" + i));
    }
    source.put(bytes("big-hash"), hash, 0);
    source.put(bytes("big-set"), set, CLOCK_MS + 60_000);
    SnapshotFileWriter.write(KeyspaceImage.capture(source, POINT), dir);

    Keyspace loaded = new Keyspace();
    SnapshotFileReader.load(dir, loaded);

    assertSameContent(source, loaded);
    HashValue loadedHash = (HashValue) loaded.get(bytes("big-hash"), CLOCK_MS);
    assertEquals(ELEMENTS - ELEMENTS / 1000, loadedHash.size());
    assertArrayEquals(bytes("value:123457"), loadedHash.get(bytes("field:123457")));
    assertEquals(false, ((SetValue) loaded.get(bytes("big-set"), CLOCK_MS)).contains(bytes("member:5000")));
  }
}
