package io.slotraft.node.snapshot;

import static io.slotraft.node.snapshot.KeyspaceAssertions.assertSameContent;
import static io.slotraft.node.snapshot.SnapshotFixtures.CLOCK_MS;
import static io.slotraft.node.snapshot.SnapshotFixtures.POINT;
import static io.slotraft.node.snapshot.SnapshotFixtures.bytes;
import static io.slotraft.node.snapshot.SnapshotFixtures.keyspaceWith;
import static io.slotraft.node.snapshot.SnapshotFixtures.string;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slotraft.node.keyspace.HashValue;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.proto.v1.SnapshotManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.SstFileReader;
import org.rocksdb.SstFileReaderIterator;

class SnapshotRoundTripTest {
  @TempDir Path dir;

  @Test
  void binaryKeysEmptyValuesAndExpiriesComeBackIdentical() throws IOException {
    Keyspace source = new Keyspace();
    for (int b = 0; b < 256; b++) {
      source.put(new byte[] {(byte) b, 0, (byte) 0xFF}, string(new byte[] {(byte) b}), 0);
    }
    source.put(new byte[0], string(new byte[0]), 0);
    source.put(bytes("empty-value"), string(new byte[0]), CLOCK_MS + 60_000);
    source.put(bytes("with-expiry"), string(bytes("v")), CLOCK_MS + 1);

    assertSameContent(source, writeAndLoad(source));
  }

  @Test
  void hashesAndSetsComeBackWithTheirExpiriesAndOrder() throws IOException {
    Keyspace source = keyspaceWith("a-string");
    HashValue small = new HashValue();
    small.put(bytes("f"), new byte[] {0, (byte) 0xFF});
    HashValue indexed = new HashValue();
    SetValue set = new SetValue();
    for (int i = 0; i < 100; i++) {
      indexed.put(bytes("field" + i), bytes("x".repeat(i * 3)));
      set.add(new byte[] {(byte) i, (byte) (255 - i)});
    }
    set.remove(new byte[] {5, (byte) 250});
    source.put(bytes("small-hash"), small, CLOCK_MS + 5000);
    source.put(bytes("indexed-hash"), indexed, 0);
    source.put(new byte[] {(byte) 0xFE}, set, CLOCK_MS - 1);

    assertSameContent(source, writeAndLoad(source));
  }

  @Test
  void tenMegabyteValueComesBackIdentical() throws IOException {
    byte[] big = new byte[10 << 20];
    new Random(1).nextBytes(big);
    Keyspace source = new Keyspace();
    source.put(bytes("big"), string(big), 0);
    source.put(bytes("small"), string(bytes("x")), 0);

    assertSameContent(source, writeAndLoad(source));
  }

  @Test
  void expiredKeysNotYetDeletedAreKeptSoReplicasStayIdentical() throws IOException {
    Keyspace source = new Keyspace();
    source.put(bytes("expired"), string(bytes("old")), CLOCK_MS - 1000);
    source.put(bytes("live"), string(bytes("new")), CLOCK_MS + 1000);

    Keyspace loaded = writeAndLoad(source);

    assertSameContent(source, loaded);
    assertNull(loaded.get(bytes("expired"), CLOCK_MS), "still reads as absent");
    assertEquals(List.of("expired"), utf8(loaded.expiredKeys(CLOCK_MS, 10)), "still due for deletion");
  }

  @Test
  void emptyKeyspaceIsAManifestAloneAndLoadsEmpty() throws IOException {
    List<String> files = SnapshotFileWriter.write(KeyspaceImage.capture(new Keyspace(), POINT), dir);
    Keyspace target = keyspaceWith("stale");

    SnapshotManifest manifest = SnapshotFileReader.load(dir, target);

    assertEquals(List.of("manifest.pb"), files);
    assertEquals(0, target.size());
    assertEquals(0, manifest.getKeyCount());
    assertEquals("", manifest.getDataFile());
    assertEquals(42, manifest.getAppliedIndex());
  }

  @Test
  void loadReplacesWhateverTheKeyspaceHeld() throws IOException {
    Keyspace source = keyspaceWith("a", "b");
    SnapshotFileWriter.write(KeyspaceImage.capture(source, POINT), dir);
    Keyspace target = keyspaceWith("stale", "a");

    SnapshotFileReader.load(dir, target);

    assertSameContent(source, target);
  }

  @Test
  void manifestRecordsThePointAndDescribesTheDataFile() throws IOException {
    List<String> files = SnapshotFileWriter.write(KeyspaceImage.capture(keyspaceWith("a", "b", "c"), POINT), dir);

    SnapshotManifest manifest = SnapshotFileReader.load(dir, new Keyspace());

    assertEquals(List.of("keyspace.sst", "manifest.pb"), files);
    assertEquals(1, manifest.getFormatVersion());
    assertEquals(42, manifest.getAppliedIndex());
    assertEquals(7, manifest.getAppliedTerm());
    assertEquals(CLOCK_MS, manifest.getClockMs());
    assertEquals(100, manifest.getSlotStart());
    assertEquals(5460, manifest.getSlotEnd());
    assertEquals(3, manifest.getKeyCount());
    assertEquals(Files.size(dir.resolve("keyspace.sst")), manifest.getDataSizeBytes());
    assertEquals(FileChecksum.crc32c(dir.resolve("keyspace.sst")), manifest.getDataCrc32C());
    assertFalse(Files.exists(dir.resolve("manifest.pb.tmp")), "temporary manifest renamed away");
  }

  @Test
  void dataFileIsInUnsignedByteOrderAndLz4Compressed() throws Exception {
    Keyspace source = new Keyspace();
    for (byte[] key : List.of(new byte[] {(byte) 0x80}, new byte[] {0x7F}, new byte[] {(byte) 0xFF, 0},
        new byte[] {0x00}, new byte[] {(byte) 0xFF})) {
      source.put(key, string(key), 0);
    }
    SnapshotFileWriter.write(KeyspaceImage.capture(source, POINT), dir);

    try (Options options = new Options(); SstFileReader reader = new SstFileReader(options)) {
      reader.open(dir.resolve("keyspace.sst").toString());
      assertEquals("LZ4", reader.getTableProperties().getCompressionName());
      assertEquals(List.of("00", "7f", "80", "ff", "ff00"), keysInFileOrder(reader));
    }
  }

  @Test
  void imageIsUnchangedByWritesAfterCapture() throws IOException {
    Keyspace source = keyspaceWith("kept", "deleted-later", "overwritten-later");
    Keyspace expected = keyspaceWith("kept", "deleted-later", "overwritten-later");
    KeyspaceImage image = KeyspaceImage.capture(source, POINT);

    source.delete(bytes("deleted-later"), CLOCK_MS);
    source.put(bytes("overwritten-later"), string(bytes("new value")), CLOCK_MS + 5);
    source.put(bytes("added-later"), string(bytes("x")), 0);
    SnapshotFileWriter.write(image, dir);

    Keyspace loaded = new Keyspace();
    SnapshotFileReader.load(dir, loaded);
    assertSameContent(expected, loaded);
  }

  @Test
  void rewritingIntoTheSameDirectoryReplacesTheSnapshot() throws IOException {
    SnapshotFileWriter.write(KeyspaceImage.capture(keyspaceWith("first"), POINT), dir);
    Keyspace second = keyspaceWith("second", "third");
    SnapshotFileWriter.write(KeyspaceImage.capture(second, POINT), dir);

    Keyspace loaded = new Keyspace();
    SnapshotFileReader.load(dir, loaded);

    assertSameContent(second, loaded);
  }

  @Test
  void captureTakesEveryKeyOnce() {
    Keyspace source = keyspaceWith("a", "b", "c");
    source.put(bytes("expired"), string(bytes("v")), 1);

    KeyspaceImage image = KeyspaceImage.capture(source, POINT);

    assertEquals(4, image.size());
    assertEquals(POINT, image.point());
    Set<String> keys = IntStream.range(0, image.size()).mapToObj(i -> new String(image.key(i), UTF_8))
        .collect(Collectors.toSet());
    assertEquals(Set.of("a", "b", "c", "expired"), keys);
  }

  private Keyspace writeAndLoad(Keyspace source) throws IOException {
    SnapshotFileWriter.write(KeyspaceImage.capture(source, POINT), dir);
    Keyspace loaded = new Keyspace();
    SnapshotFileReader.load(dir, loaded);
    return loaded;
  }

  private static List<String> keysInFileOrder(SstFileReader reader) throws Exception {
    List<String> keys = new ArrayList<>();
    try (ReadOptions readOptions = new ReadOptions(); SstFileReaderIterator it = reader.newIterator(readOptions)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        keys.add(HexFormat.of().formatHex(it.key()));
      }
    }
    return keys;
  }

  private static List<String> utf8(List<byte[]> keys) {
    return keys.stream().map(k -> new String(k, UTF_8)).toList();
  }
}
