package io.slotraft.node.raft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * The files JRaft keeps in a replica's directory, read without JRaft: the newest local snapshot's
 * directory, and whether the Raft log's RocksDB opens and passes its checksums. Used after a
 * replica failed to start, to tell damaged data from any other cause.
 */
public final class LocalReplicaFiles {
  private LocalReplicaFiles() {}

  /**
   * Whether JRaft has recorded the replica's Raft meta (current term and vote). A follower records the
   * leader's term before it appends its first entry, so a replica with log entries always has it.
   */
  public static boolean hasRaftMeta(Path replicaDirectory) {
    return Files.exists(replicaDirectory.resolve("raft_meta").resolve("raft_meta"));
  }

  /** The newest {@code snapshot/snapshot_<index>} directory JRaft published, if any. */
  /** The bytes of every regular file under {@code directory}; 0 when it is missing or being changed. */
  public static long bytesUnder(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          return 0; // deleted while walking: a snapshot was replaced
        }
      }).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  public static Optional<Path> newestSnapshot(Path replicaDirectory) throws IOException {
    Path snapshots = replicaDirectory.resolve("snapshot");
    if (!Files.isDirectory(snapshots)) {
      return Optional.empty();
    }
    try (Stream<Path> entries = Files.list(snapshots)) {
      return entries.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches("snapshot_\\d+"))
          .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(9))));
    }
  }

  /**
   * What is wrong with the Raft log's RocksDB: it does not open, or a block fails its checksum.
   * Empty when it is sound (or absent: a new replica has none). Only corruption counts, not an
   * error that another try might not meet (a lock held, too many open files).
   */
  public static Optional<String> logDamage(Path replicaDirectory) {
    Path log = replicaDirectory.resolve("log");
    if (!Files.isDirectory(log) || !Files.exists(log.resolve("CURRENT"))) {
      return Optional.empty();
    }
    RocksDB.loadLibrary();
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (Options options = new Options()) {
      List<ColumnFamilyDescriptor> families = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(options, log.toString())) {
        families.add(new ColumnFamilyDescriptor(name));
      }
      try (DBOptions dbOptions = new DBOptions();
          RocksDB db = RocksDB.openReadOnly(dbOptions, log.toString(), families, handles)) {
        db.verifyChecksum();
        return Optional.empty();
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
      }
    } catch (RocksDBException e) {
      Status status = e.getStatus();
      boolean corrupt = status != null && status.getCode() == Status.Code.Corruption;
      return corrupt ? Optional.of("Raft log " + log + " is damaged: " + e.getMessage()) : Optional.empty();
    }
  }
}
