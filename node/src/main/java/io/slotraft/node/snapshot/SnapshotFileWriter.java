package io.slotraft.node.snapshot;

import io.slotraft.node.statemachine.ClientSessions;
import io.slotraft.proto.v1.SnapshotManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.EnvOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileWriter;

/**
 * Writes a {@link KeyspaceImage} into a snapshot directory (see {@link SnapshotFormat}). Meant to
 * run off the apply thread: it sorts, encodes and compresses, which is the slow part of a snapshot.
 */
public final class SnapshotFileWriter {
  /**
   * The file is only ever scanned front to back, never point-read, so blocks can be larger than
   * RocksDB's 4 KiB default: LZ4 then sees more context and the index has fewer entries.
   */
  private static final long BLOCK_SIZE_BYTES = 64 * 1024;

  private SnapshotFileWriter() {}

  /**
   * Writes the image into {@code dir} (created if absent) and returns the names of the files
   * written, relative to {@code dir}; the manifest, written last, is the last name.
   */
  public static List<String> write(KeyspaceImage image, Path dir) throws IOException {
    return write(image, List.of(), dir);
  }

  /** As {@link #write(KeyspaceImage, Path)}, with the shard's client write sessions in the manifest. */
  public static List<String> write(KeyspaceImage image, List<ClientSessions.Session> clientSessions, Path dir)
      throws IOException {
    return write(image, clientSessions, null, dir);
  }

  /**
   * As {@link #write(KeyspaceImage, List, Path)}, with what the shard's splits and merges left in its
   * state: {@code reshapes} holds only those fields of a manifest (null: none).
   */
  public static List<String> write(KeyspaceImage image, List<ClientSessions.Session> clientSessions,
      SnapshotManifest reshapes, Path dir) throws IOException {
    RocksDbLibrary.ensureLoaded();
    Files.createDirectories(dir);
    // An older manifest left in the directory must not vouch for the data file about to be replaced.
    Files.deleteIfExists(ManifestFile.path(dir));
    Path data = dir.resolve(SnapshotFormat.DATA_FILE);
    SnapshotManifest.Builder manifest = manifestFor(image.point());
    image.slotDeleteIndexes().ifPresent(manifest::addAllSlotDeleteIndexes);
    manifest.addAllClientSessions(ClientSessionsCodec.encode(clientSessions));
    if (reshapes != null) {
      manifest.mergeFrom(reshapes);
    }
    List<String> names = new ArrayList<>();
    if (image.size() == 0) {
      // RocksDB cannot finish an SST with no entries: an empty keyspace is a manifest alone.
      Files.deleteIfExists(data);
    } else {
      writeDataFile(image, data, manifest);
      names.add(SnapshotFormat.DATA_FILE);
    }
    ManifestFile.write(dir, manifest.build());
    names.add(SnapshotFormat.MANIFEST_FILE);
    return List.copyOf(names);
  }

  /** Writes and fsyncs the SST, then records in the manifest what a reader must find. */
  private static void writeDataFile(KeyspaceImage image, Path data, SnapshotManifest.Builder manifest)
      throws IOException {
    writeSortedSst(image, data);
    // Our own fsync rather than trusting SstFileWriter's: the manifest must never outlive its data.
    DurableFiles.fsync(data);
    manifest.setDataFile(SnapshotFormat.DATA_FILE)
        .setKeyCount(image.size())
        .setDataSizeBytes(Files.size(data))
        .setDataCrc32C(FileChecksum.crc32c(data));
  }

  private static SnapshotManifest.Builder manifestFor(SnapshotPoint point) {
    return SnapshotManifest.newBuilder()
        .setFormatVersion(SnapshotFormat.VERSION)
        .setAppliedIndex(point.appliedIndex())
        .setAppliedTerm(point.appliedTerm())
        .setClockMs(point.clockMs())
        .setSlotStart(point.slotStart())
        .setSlotEnd(point.slotEnd());
  }

  private static void writeSortedSst(KeyspaceImage image, Path file) throws IOException {
    int[] order = image.sortedOrder();
    try (Options options = sstOptions();
        EnvOptions envOptions = new EnvOptions();
        SstFileWriter writer = new SstFileWriter(envOptions, options)) {
      writer.open(file.toString());
      for (int i : order) {
        writer.put(image.key(i), SnapshotValueCodec.encode(image.value(i), image.expireAtMs(i), image.version(i)));
      }
      writer.finish();
    } catch (RocksDBException e) {
      throw new IOException("writing snapshot file " + file + " failed: " + e.getMessage(), e);
    }
  }

  private static Options sstOptions() {
    return new Options()
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setTableFormatConfig(new BlockBasedTableConfig().setBlockSize(BLOCK_SIZE_BYTES));
  }
}
