package io.slotraft.node.snapshot;

import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.SnapshotManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileReader;
import org.rocksdb.SstFileReaderIterator;
import org.rocksdb.Status;

/**
 * Validates a snapshot directory and loads it into a keyspace. Everything that can be checked
 * without touching the keyspace (manifest, data file size and CRC32C, entry count) is checked
 * before the keyspace is cleared, so a snapshot found corrupt up front leaves it as it was.
 */
public final class SnapshotFileReader {
  /** The file is read once front to back: large readahead turns it into few big reads. */
  private static final long READAHEAD_BYTES = 4L << 20;

  private SnapshotFileReader() {}

  /**
   * Replaces the content of {@code keyspace} with the snapshot in {@code dir} and returns its
   * manifest (applied index and term, clock, slot range). If a value turns out to be undecodable
   * while loading, the keyspace holds part of the snapshot: the caller must not serve from it
   * (a JRaft adapter returns false from {@code onSnapshotLoad}).
   *
   * @throws CorruptSnapshotException if the snapshot is missing a file, damaged, or of a newer format
   */
  public static SnapshotManifest load(Path dir, Keyspace keyspace) throws IOException {
    RocksDbLibrary.ensureLoaded();
    SnapshotManifest manifest = ManifestFile.read(dir);
    checkManifest(ManifestFile.path(dir), manifest);
    if (manifest.getDataFile().isEmpty()) {
      keyspace.clear();
    } else {
      Path data = dir.resolve(manifest.getDataFile());
      checkDataFile(data, manifest);
      loadSst(data, manifest.getKeyCount(), keyspace);
    }
    restoreSlotDeleteIndexes(manifest, keyspace);
    return manifest;
  }

  /**
   * Checks the snapshot in {@code dir} as {@link #load} would (manifest, data file size and CRC32C)
   * without loading it: how a node tells a damaged local snapshot from another reason a replica did
   * not start.
   *
   * @throws CorruptSnapshotException naming the file and the fault
   */
  public static void verify(Path dir) throws IOException {
    SnapshotManifest manifest = ManifestFile.read(dir);
    checkManifest(ManifestFile.path(dir), manifest);
    if (!manifest.getDataFile().isEmpty()) {
      checkDataFile(dir.resolve(manifest.getDataFile()), manifest);
    }
  }

  private static void restoreSlotDeleteIndexes(SnapshotManifest manifest, Keyspace keyspace) {
    // checkManifest has made sure there are none or one per slot of the range.
    for (int i = 0; i < manifest.getSlotDeleteIndexesCount(); i++) {
      keyspace.restoreSlotDeleteIndex(manifest.getSlotStart() + i, manifest.getSlotDeleteIndexes(i));
    }
  }

  private static void checkManifest(Path file, SnapshotManifest manifest) throws CorruptSnapshotException {
    if (manifest.getFormatVersion() != SnapshotFormat.VERSION) {
      throw new CorruptSnapshotException(file, "format_version " + manifest.getFormatVersion()
          + " is not known to this node, which reads version " + SnapshotFormat.VERSION
          + " (written by a newer version of Slotraft, or not a Slotraft manifest)");
    }
    int start = manifest.getSlotStart();
    int end = manifest.getSlotEnd();
    if (start < 0 || start > end || end >= SlotHash.SLOT_COUNT || manifest.getAppliedIndex() < 0) {
      throw new CorruptSnapshotException(file, "impossible slot range " + start + "-" + end
          + " or applied index " + manifest.getAppliedIndex());
    }
    int deleteIndexes = manifest.getSlotDeleteIndexesCount();
    if (deleteIndexes != 0 && deleteIndexes != end - start + 1) {
      throw new CorruptSnapshotException(file, deleteIndexes + " slot delete indexes for the "
          + (end - start + 1) + " slots " + start + "-" + end);
    }
    checkDataFileName(file, manifest);
  }

  private static void checkDataFileName(Path file, SnapshotManifest manifest) throws CorruptSnapshotException {
    String name = manifest.getDataFile();
    if (name.isEmpty() != (manifest.getKeyCount() == 0)) {
      throw new CorruptSnapshotException(file, "data_file \"" + name + "\" does not fit key_count "
          + manifest.getKeyCount() + " (only an empty keyspace has no data file)");
    }
    // Snapshots arrive from other nodes: a name must not lead out of the snapshot directory.
    if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
      throw new CorruptSnapshotException(file, "data_file \"" + name + "\" is not a plain file name");
    }
  }

  private static void checkDataFile(Path data, SnapshotManifest manifest) throws IOException {
    if (!Files.isRegularFile(data)) {
      throw new CorruptSnapshotException(data, "data file named in the manifest is missing");
    }
    long size = Files.size(data);
    if (size != manifest.getDataSizeBytes()) {
      throw new CorruptSnapshotException(data, "size is " + size + " bytes but the manifest says "
          + manifest.getDataSizeBytes() + " (truncated or overwritten)");
    }
    int crc = FileChecksum.crc32c(data);
    if (crc != manifest.getDataCrc32C()) {
      throw new CorruptSnapshotException(data, String.format(
          "CRC32C is %08x but the manifest says %08x (content damaged)", crc, manifest.getDataCrc32C()));
    }
  }

  private static void loadSst(Path data, long keyCount, Keyspace keyspace) throws IOException {
    try (Options options = new Options(); SstFileReader reader = new SstFileReader(options)) {
      reader.open(data.toString());
      long entries = reader.getTableProperties().getNumEntries();
      if (entries != keyCount) {
        throw new CorruptSnapshotException(data, "holds " + entries + " entries but the manifest says "
            + keyCount + " keys");
      }
      keyspace.clear();
      readEntries(reader, data, keyspace);
    } catch (RocksDBException e) {
      throw rocksFailure(data, e);
    }
    if (keyspace.size() != keyCount) {
      throw new CorruptSnapshotException(data, "loaded " + keyspace.size() + " distinct keys but the manifest says "
          + keyCount);
    }
  }

  private static void readEntries(SstFileReader reader, Path data, Keyspace keyspace)
      throws RocksDBException, CorruptSnapshotException {
    try (ReadOptions readOptions = new ReadOptions().setReadaheadSize(READAHEAD_BYTES);
        SstFileReaderIterator entries = reader.newIterator(readOptions)) {
      for (entries.seekToFirst(); entries.isValid(); entries.next()) {
        byte[] key = entries.key();
        SnapshotValueCodec.DecodedValue decoded = SnapshotValueCodec.decode(entries.value(), data, key);
        keyspace.putLoaded(key, decoded.value(), decoded.expireAtMs(), decoded.version());
      }
      // isValid() is false both at the end and on a read error; status() tells them apart.
      entries.status();
    }
  }

  private static IOException rocksFailure(Path data, RocksDBException e) {
    Status status = e.getStatus();
    if (status != null && status.getCode() == Status.Code.Corruption) {
      return new CorruptSnapshotException(data, "RocksDB cannot read it: " + e.getMessage(), e);
    }
    return new IOException("reading snapshot file " + data + " failed: " + e.getMessage(), e);
  }
}
