package io.slotraft.node.snapshot;

import static io.slotraft.node.snapshot.KeyspaceAssertions.assertSameContent;
import static io.slotraft.node.snapshot.SnapshotFixtures.POINT;
import static io.slotraft.node.snapshot.SnapshotFixtures.bytes;
import static io.slotraft.node.snapshot.SnapshotFixtures.keyspaceWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.proto.v1.SnapshotManifest;
import io.slotraft.proto.v1.SnapshotValue;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.EnvOptions;
import org.rocksdb.Options;
import org.rocksdb.SstFileWriter;

/** Every way a snapshot can be wrong is refused with a message naming the file and the fault. */
class CorruptSnapshotTest {
  @TempDir Path dir;
  Path data;
  Path manifest;

  @BeforeEach
  void writeGoodSnapshot() throws IOException {
    SnapshotFileWriter.write(KeyspaceImage.capture(keyspaceWith("a", "b", "c"), POINT), dir);
    data = dir.resolve("keyspace.sst");
    manifest = dir.resolve("manifest.pb");
  }

  @Test
  void flippedByteInDataFileFailsTheChecksum() throws IOException {
    flipByte(data, Files.size(data) / 2);

    CorruptSnapshotException e = refused();

    assertEquals(data, e.file());
    assertMessage(e, "keyspace.sst", "CRC32C", "content damaged");
  }

  @Test
  void truncatedDataFileFailsTheSizeCheck() throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
      file.setLength(file.length() - 10);
    }

    assertMessage(refused(), "keyspace.sst", "truncated");
  }

  @Test
  void truncatedDataFileWithAManifestThatMatchesItIsCaughtByRocksDb() throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
      file.setLength(file.length() - 10);
    }
    rewriteManifest(readManifest().toBuilder()
        .setDataSizeBytes(Files.size(data))
        .setDataCrc32C(FileChecksum.crc32c(data))
        .build());

    assertMessage(refused(), "keyspace.sst", "RocksDB cannot read it");
  }

  @Test
  void missingDataFile() throws IOException {
    Files.delete(data);

    assertMessage(refused(), "keyspace.sst", "missing");
  }

  @Test
  void missingManifestMeansNoSnapshot() throws IOException {
    Files.delete(manifest);

    CorruptSnapshotException e = refused();

    assertEquals(manifest, e.file());
    assertMessage(e, "manifest.pb", "missing");
  }

  @Test
  void manifestOfUnknownFormatVersion() throws IOException {
    rewriteManifest(readManifest().toBuilder().setFormatVersion(2).build());

    assertMessage(refused(), "manifest.pb", "format_version 2", "newer version");
  }

  @Test
  void manifestThatIsNotProtobuf() throws IOException {
    Files.write(manifest, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});

    assertMessage(refused(), "manifest.pb", "not a SnapshotManifest");
  }

  @Test
  void dataFileNameLeadingOutOfTheDirectory() throws IOException {
    rewriteManifest(readManifest().toBuilder().setDataFile("../keyspace.sst").build());

    assertMessage(refused(), "manifest.pb", "not a plain file name");
  }

  @Test
  void keyCountDisagreeingWithTheDataFile() throws IOException {
    rewriteManifest(readManifest().toBuilder().setKeyCount(4).build());

    assertMessage(refused(), "keyspace.sst", "3 entries", "4 keys");
  }

  @Test
  void valueOfATypeFromANewerVersion() throws Exception {
    // A oneof field number far beyond the ones in use (each new value type takes the next one).
    UnknownFieldSet futureType = UnknownFieldSet.newBuilder()
        .addField(1000, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("x")).build())
        .build();
    writeSnapshotWithValue(SnapshotValue.newBuilder().setUnknownFields(futureType).build().toByteArray());

    assertMessage(refused(), "keyspace.sst", "\"future\"", "newer version of Slotraft");
  }

  @Test
  void valueThatIsNotProtobuf() throws Exception {
    writeSnapshotWithValue(new byte[] {(byte) 0xFF, (byte) 0xFF});

    assertMessage(refused(), "keyspace.sst", "\"future\"", "not a SnapshotValue");
  }

  @Test
  void snapshotFoundCorruptBeforeLoadingLeavesTheKeyspaceAlone() throws IOException {
    flipByte(data, 0);
    Keyspace target = keyspaceWith("untouched");

    assertThrows(CorruptSnapshotException.class, () -> SnapshotFileReader.load(dir, target));

    assertSameContent(keyspaceWith("untouched"), target);
  }

  private CorruptSnapshotException refused() {
    return assertThrows(CorruptSnapshotException.class, () -> SnapshotFileReader.load(dir, new Keyspace()));
  }

  private static void assertMessage(CorruptSnapshotException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message \"" + e.getMessage() + "\" should mention " + part);
    }
  }

  private static void flipByte(Path file, long position) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(position);
      int b = raf.read();
      raf.seek(position);
      raf.write(b ^ 0x01);
    }
  }

  private SnapshotManifest readManifest() throws IOException {
    return SnapshotManifest.parseFrom(Files.readAllBytes(manifest));
  }

  private void rewriteManifest(SnapshotManifest changed) throws IOException {
    ManifestFile.write(dir, changed);
  }

  /** A snapshot whose one key, "future", holds {@code value}, with a manifest that vouches for it. */
  private void writeSnapshotWithValue(byte[] value) throws Exception {
    try (Options options = new Options();
        EnvOptions envOptions = new EnvOptions();
        SstFileWriter writer = new SstFileWriter(envOptions, options)) {
      writer.open(data.toString());
      writer.put(bytes("future"), value);
      writer.finish();
    }
    rewriteManifest(readManifest().toBuilder()
        .setKeyCount(1)
        .setDataSizeBytes(Files.size(data))
        .setDataCrc32C(FileChecksum.crc32c(data))
        .build());
  }
}
