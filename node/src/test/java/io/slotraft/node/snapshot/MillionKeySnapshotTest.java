package io.slotraft.node.snapshot;

import static io.slotraft.node.snapshot.KeyspaceAssertions.assertSameContent;
import static io.slotraft.node.snapshot.SnapshotFixtures.POINT;
import static io.slotraft.node.snapshot.SnapshotFixtures.randomKeyspace;

import io.slotraft.node.keyspace.Keyspace;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shard-sized snapshot round trip; correctness only, timings are SnapshotBenchmark's business. */
class MillionKeySnapshotTest {
  static final int KEY_COUNT = 1_000_000;

  @TempDir Path dir;

  @Test
  void millionSixteenByteKeysComeBackIdentical() throws IOException {
    Keyspace source = randomKeyspace(KEY_COUNT, 1);
    SnapshotFileWriter.write(KeyspaceImage.capture(source, POINT), dir);

    Keyspace loaded = new Keyspace();
    SnapshotFileReader.load(dir, loaded);

    assertSameContent(source, loaded);
  }
}
