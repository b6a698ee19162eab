package io.slotraft.node.raft.logstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a replica's Raft log written by builds that kept one RocksDB per replica ({@code <replica
 * dir>/log}, JRaft's {@code RocksDBLogStorage}: entries in the default column family keyed by the
 * eight-byte index, configuration entries again in {@code Configuration}, the first index under
 * {@code meta/firstLogIndex}) into the node's shared store. The entries' bytes are JRaft's own
 * encoding in both stores, so they are copied as they are.
 *
 * <p>Crash-safe by order: the group's keys in the shared store are replaced (the WAL synced), then
 * the old directory is renamed to {@code log.converted} (one atomic, forced rename) and only then
 * deleted. A crash before the rename leaves the old log in place and the next start converts it
 * again from scratch; a crash after it leaves only a leftover to delete.
 */
public final class LegacyLogImport {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyLogImport.class);
  private static final byte[] LEGACY_CONF_FAMILY = "Configuration".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LEGACY_FIRST_INDEX_KEY = "meta/firstLogIndex".getBytes(StandardCharsets.UTF_8);
  /** Entries per write batch, so that a long log does not build one huge batch in memory. */
  private static final int ENTRIES_PER_BATCH = 4_096;
  /** The old log's name once converted, until it is deleted. */
  private static final String CONVERTED = "log.converted";

  private LegacyLogImport() {}

  /** Deletes what a crash during an earlier conversion's clean-up left, if anything. */
  public static void removeLeftover(Path replicaDirectory) throws IOException {
    Path converted = replicaDirectory.resolve(CONVERTED);
    if (Files.exists(converted)) {
      deleteRecursively(converted);
    }
  }

  /** Whether the replica directory still holds a log in the per-replica layout. */
  public static boolean present(Path replicaDirectory) {
    return Files.exists(replicaDirectory.resolve("log").resolve("CURRENT"));
  }

  /**
   * Moves the replica's per-replica log into {@code store} under {@code groupId} and deletes it.
   *
   * @return how many entries were converted
   * @throws IOException when the old log cannot be read (a damaged one reports RocksDB's corruption
   *     in the message) or the new one not written; the old log is then left as it was
   */
  public static long convert(NodeLogStore store, String groupId, Path replicaDirectory) throws IOException {
    Path legacy = replicaDirectory.resolve("log");
    LogKeys keys = new LogKeys(groupId);
    long copied;
    try {
      copied = copy(store, keys, legacy);
    } catch (RocksDBException e) {
      throw new IOException("cannot convert the Raft log " + legacy + " of " + groupId + ": " + e.getMessage(), e);
    }
    removeLeftover(replicaDirectory);
    Path converted = replicaDirectory.resolve(CONVERTED);
    Files.move(legacy, converted, StandardCopyOption.ATOMIC_MOVE);
    NodeLogStore.forceDirectory(replicaDirectory);
    deleteRecursively(converted);
    LOG.info("[{}] converted its Raft log ({} entries) from {} into the node's shared log store {}", groupId, copied,
        legacy, store.directory());
    return copied;
  }

  private static long copy(NodeLogStore store, LogKeys keys, Path legacy) throws RocksDBException {
    List<ColumnFamilyDescriptor> families = List.of(new ColumnFamilyDescriptor(LEGACY_CONF_FAMILY),
        new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions();
        RocksDB old = RocksDB.openReadOnly(options, legacy.toString(), families, handles)) {
      try {
        ColumnFamilyHandle oldConf = handles.get(0);
        ColumnFamilyHandle oldEntries = handles.get(1);
        try (WriteBatch clear = new WriteBatch()) {
          store.deleteGroup(clear, keys);
          store.db().write(store.unsynced(), clear);
        }
        // JRaft deletes a truncated prefix in the background: entries below the recorded first
        // index may still be there, and are not part of the log.
        byte[] first = old.get(oldConf, LEGACY_FIRST_INDEX_KEY);
        long firstIndex = first == null ? 1 : ByteBuffer.wrap(first).getLong();
        long copied = copyFamily(store, keys, old, oldEntries, store.entries(), firstIndex);
        copyFamily(store, keys, old, oldConf, store.conf(), firstIndex);
        if (first != null) {
          store.db().put(store.firstIndexes(), store.unsynced(), keys.groupKey(), Arrays.copyOf(first, Long.BYTES));
        }
        // Durable before the old log is deleted; an empty batch would not reach the disk by itself.
        store.db().syncWal();
        return copied;
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
      }
    }
  }

  /**
   * Copies the entries from {@code firstIndex} on of one family; keys that are not eight-byte indexes
   * (the first-index record) are not entries.
   */
  private static long copyFamily(NodeLogStore store, LogKeys keys, RocksDB old, ColumnFamilyHandle from,
      ColumnFamilyHandle to, long firstIndex) throws RocksDBException {
    long copied = 0;
    WriteBatch batch = new WriteBatch();
    try (RocksIterator it = old.newIterator(from)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] key = it.key();
        long index = key.length == Long.BYTES ? ByteBuffer.wrap(key).getLong() : -1;
        if (index < firstIndex) {
          continue;
        }
        batch.put(to, keys.key(index), it.value());
        if (++copied % ENTRIES_PER_BATCH == 0) {
          store.db().write(store.unsynced(), batch);
          batch.close();
          batch = new WriteBatch();
        }
      }
      it.status();
      store.db().write(store.unsynced(), batch);
    } finally {
      batch.close();
    }
    return copied;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
