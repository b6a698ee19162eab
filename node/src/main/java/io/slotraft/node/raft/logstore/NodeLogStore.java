package io.slotraft.node.raft.logstore;

import com.alipay.sofa.jraft.entity.EnumOutter.EntryType;
import com.alipay.sofa.jraft.entity.LogEntry;
import com.alipay.sofa.jraft.entity.codec.v2.LogEntryV2CodecFactory;
import com.alipay.sofa.jraft.option.LogStorageOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one Raft log store: a RocksDB holding the log of every group the node runs. Three column
 * families: every entry ({@code default}), configuration entries again ({@code conf}, read back at a
 * group's start to rebuild its configuration history, as JRaft's own store does), and each group's
 * first index after prefix truncation ({@code first-index}).
 *
 * <p>Open once per node, before any replica starts; close after every replica has stopped.
 */
public final class NodeLogStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLogStore.class);
  static final byte[] CONF_FAMILY = "conf".getBytes(StandardCharsets.UTF_8);
  static final byte[] FIRST_INDEX_FAMILY = "first-index".getBytes(StandardCharsets.UTF_8);
  /** Per memtable: one store now serves every group, so it can afford JRaft's usual size. */
  private static final long WRITE_BUFFER_BYTES = 32L * 1024 * 1024;
  /** Past this, RocksDB flushes memtables so that old write-ahead log files can go. */
  private static final long MAX_TOTAL_WAL_BYTES = 128L * 1024 * 1024;

  /** Called when the store does not open because it is damaged, before it is set aside. */
  @FunctionalInterface
  public interface DamageHandler {
    /**
     * Records, durably, that every replica on the node lost its log (their directories must not be
     * started as they are). Throwing keeps the damaged store in place and fails the node's start.
     */
    void beforeSetAside(String damage) throws IOException;
  }

  private final Path directory;
  private final DBOptions dbOptions;
  private final List<ColumnFamilyOptions> familyOptions;
  private final RocksDB db;
  private final ColumnFamilyHandle entries;
  private final ColumnFamilyHandle conf;
  private final ColumnFamilyHandle firstIndexes;
  private final WriteOptions synced;
  private final WriteOptions unsynced;
  private volatile boolean open = true;

  private NodeLogStore(Path directory, DBOptions dbOptions, List<ColumnFamilyOptions> familyOptions, RocksDB db,
      List<ColumnFamilyHandle> handles) {
    this.directory = directory;
    this.dbOptions = dbOptions;
    this.familyOptions = familyOptions;
    this.db = db;
    this.entries = handles.get(0);
    this.conf = handles.get(1);
    this.firstIndexes = handles.get(2);
    this.synced = new WriteOptions().setSync(true);
    this.unsynced = new WriteOptions();
  }

  /**
   * Opens (or creates) the store in {@code directory}. A store that does not open because it is
   * damaged is moved aside to {@code <directory>.damaged-<time>} once {@code onDamage} has recorded
   * the loss, and a new, empty store takes its place.
   *
   * @throws IOException when it cannot be opened for another reason (a lock held by another
   *     process, permissions), with a message that says which
   */
  public static NodeLogStore open(Path directory, DamageHandler onDamage, LongSupplier clock) throws IOException {
    try {
      return openOrFail(directory);
    } catch (RocksDBException e) {
      if (!isCorruption(e)) {
        throw new IOException("cannot open the Raft log store " + directory + ": " + e.getMessage(), e);
      }
      String damage = "the node's Raft log store " + directory + " is damaged: " + e.getMessage();
      LOG.error("{}; every replica on this node is rebuilt from its peers", damage);
      onDamage.beforeSetAside(damage);
      Path aside = directory.resolveSibling(directory.getFileName() + ".damaged-" + clock.getAsLong());
      Files.move(directory, aside);
      forceDirectory(directory.toAbsolutePath().getParent());
      LOG.warn("damaged Raft log store moved to {} (delete it once every replica is rebuilt)", aside);
      try {
        return openOrFail(directory);
      } catch (RocksDBException again) {
        throw new IOException("cannot create a new Raft log store in " + directory + ": " + again.getMessage(), again);
      }
    }
  }

  /** Makes a rename in {@code directory} durable. */
  static void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static NodeLogStore openOrFail(Path directory) throws IOException, RocksDBException {
    RocksDB.loadLibrary();
    Files.createDirectories(directory);
    DBOptions dbOptions = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        // A batch torn by a crash (the WAL's last records) is dropped whole; damage anywhere else in
        // the WAL fails the open, so that synced entries are never silently lost.
        .setWalRecoveryMode(WALRecoveryMode.TolerateCorruptedTailRecords)
        .setMaxTotalWalSize(MAX_TOTAL_WAL_BYTES)
        .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
        .setKeepLogFileNum(2)
        .setMaxBackgroundJobs(2)
        // The WAL has every write; a flush at close would only slow a restart of the node.
        .setAvoidFlushDuringShutdown(true);
    ColumnFamilyOptions entryOptions = familyOptions(CompressionType.LZ4_COMPRESSION);
    ColumnFamilyOptions smallOptions = familyOptions(CompressionType.NO_COMPRESSION);
    List<ColumnFamilyDescriptor> families = List.of(
        new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, entryOptions),
        new ColumnFamilyDescriptor(CONF_FAMILY, smallOptions),
        new ColumnFamilyDescriptor(FIRST_INDEX_FAMILY, smallOptions));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(dbOptions, directory.toString(), families, handles);
      return new NodeLogStore(directory, dbOptions, List.of(entryOptions, smallOptions), db, handles);
    } catch (RocksDBException e) {
      dbOptions.close();
      entryOptions.close();
      smallOptions.close();
      throw e;
    }
  }

  private static ColumnFamilyOptions familyOptions(CompressionType compression) {
    return new ColumnFamilyOptions()
        .setWriteBufferSize(WRITE_BUFFER_BYTES)
        .setMaxWriteBufferNumber(3)
        .setCompressionType(compression);
  }

  static boolean isCorruption(RocksDBException e) {
    Status status = e.getStatus();
    return status != null && status.getCode() == Status.Code.Corruption;
  }

  public Path directory() {
    return directory;
  }

  /** JRaft's log storage for one group; each replica's start makes one. */
  public GroupLogStorage group(String groupId) {
    return new GroupLogStorage(this, new LogKeys(groupId), groupId);
  }

  /**
   * What is wrong with one group's log: an entry that fails its checksum when read. Empty when every
   * entry of the group reads back. Costs a scan of the group's log; asked only after a replica failed
   * to start.
   */
  public Optional<String> damage(String groupId) {
    LogKeys keys = new LogKeys(groupId);
    for (ColumnFamilyHandle family : List.of(entries, conf)) {
      try (GroupCursor cursor = new GroupCursor(db, family, keys, true)) {
        RocksIterator it = cursor.iterator();
        for (it.seek(keys.lowest()); it.isValid(); it.next()) {
          it.value();
        }
        it.status();
      } catch (RocksDBException e) {
        if (isCorruption(e)) {
          return Optional.of("Raft log of " + groupId + " in " + directory + " is damaged: " + e.getMessage());
        }
      }
    }
    return Optional.empty();
  }

  /** One data entry of a group's log, as a replica's state machine applies it. */
  public interface DataEntryVisitor {
    void visit(long index, long term, ByteBuffer data) throws IOException;
  }

  /**
   * Hands the data entries (the state machine's; no-ops and configuration entries skipped) of
   * {@code groupId}'s log from {@code from} to {@code to} to {@code visitor}, in order, off-line:
   * for a state rebuilt from a snapshot and the log that followed it.
   *
   * @throws IOException when the log lacks an entry of the range, or cannot be read
   */
  public void readDataEntries(String groupId, long from, long to, DataEntryVisitor visitor) throws IOException {
    GroupLogStorage log = group(groupId);
    LogStorageOptions options = new LogStorageOptions();
    options.setLogEntryCodecFactory(LogEntryV2CodecFactory.getInstance());
    if (!log.init(options)) {
      throw new IOException("cannot read " + groupId + "'s log in " + directory);
    }
    try {
      for (long index = from; index <= to; index++) {
        LogEntry entry = log.getEntry(index);
        if (entry == null) {
          throw new IOException(groupId + "'s log in " + directory + " lacks entry " + index + " (its first is "
              + log.getFirstLogIndex() + ")");
        }
        if (entry.getType() == EntryType.ENTRY_TYPE_DATA) {
          visitor.visit(index, entry.getId().getTerm(), entry.getData());
        }
      }
    } finally {
      log.shutdown();
    }
  }

  /** Whether the store holds any entry of the group. */
  public boolean holdsEntries(String groupId) {
    LogKeys keys = new LogKeys(groupId);
    try (GroupCursor cursor = new GroupCursor(db, entries, keys, false)) {
      cursor.iterator().seek(keys.lowest());
      return cursor.iterator().isValid();
    }
  }

  /** Removes every entry and record of a group (its replica left this node, or is rebuilt empty). */
  public void dropGroup(String groupId) throws IOException {
    LogKeys keys = new LogKeys(groupId);
    try (WriteBatch batch = new WriteBatch()) {
      deleteGroup(batch, keys);
      db.write(synced, batch);
    } catch (RocksDBException e) {
      throw new IOException("cannot drop the Raft log of " + groupId + ": " + e.getMessage(), e);
    }
  }

  /** Adds to {@code batch} the deletion of every key of the group, its first-index record included. */
  void deleteGroup(WriteBatch batch, LogKeys keys) throws RocksDBException {
    batch.deleteRange(entries, keys.lowest(), keys.end());
    batch.deleteRange(conf, keys.lowest(), keys.end());
    batch.delete(firstIndexes, keys.groupKey());
  }

  RocksDB db() {
    return db;
  }

  ColumnFamilyHandle entries() {
    return entries;
  }

  ColumnFamilyHandle conf() {
    return conf;
  }

  ColumnFamilyHandle firstIndexes() {
    return firstIndexes;
  }

  /** For appends and suffix truncations: synced before they count (Raft's durability). */
  WriteOptions synced() {
    return synced;
  }

  /** For prefix truncation: losing it to a crash only keeps entries a snapshot already covers. */
  WriteOptions unsynced() {
    return unsynced;
  }

  /** False once {@link #close()} began: groups stop using the database before it is released. */
  boolean isOpen() {
    return open;
  }

  @Override
  public synchronized void close() {
    if (!open) {
      return;
    }
    open = false;
    try {
      db.syncWal();
    } catch (RocksDBException e) {
      LOG.warn("syncing the Raft log store's WAL at close: {}", e.getMessage());
    }
    entries.close();
    conf.close();
    firstIndexes.close();
    db.close();
    synced.close();
    unsynced.close();
    familyOptions.forEach(ColumnFamilyOptions::close);
    dbOptions.close();
  }
}
