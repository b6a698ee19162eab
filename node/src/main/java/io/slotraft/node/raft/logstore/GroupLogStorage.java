package io.slotraft.node.raft.logstore;

import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.conf.ConfigurationEntry;
import com.alipay.sofa.jraft.conf.ConfigurationManager;
import com.alipay.sofa.jraft.entity.EnumOutter.EntryType;
import com.alipay.sofa.jraft.entity.LogEntry;
import com.alipay.sofa.jraft.entity.LogId;
import com.alipay.sofa.jraft.entity.codec.LogEntryDecoder;
import com.alipay.sofa.jraft.entity.codec.LogEntryEncoder;
import com.alipay.sofa.jraft.option.LogStorageOptions;
import com.alipay.sofa.jraft.storage.LogStorage;
import java.nio.ByteBuffer;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group's view of the node's shared log store, as JRaft's {@link LogStorage}. JRaft calls every
 * method that changes the log from its log manager's one thread per group; reads ({@link #getEntry})
 * come from replicator and apply threads, so the first index is volatile and RocksDB does the rest.
 */
public final class GroupLogStorage implements LogStorage {
  private static final Logger LOG = LoggerFactory.getLogger(GroupLogStorage.class);

  private final NodeLogStore store;
  private final LogKeys keys;
  private final String groupId;
  private LogEntryEncoder encoder;
  private LogEntryDecoder decoder;
  /** Entries below it were truncated away; 1 for a log that never was. */
  private volatile long firstIndex = 1;
  private volatile boolean open;

  GroupLogStorage(NodeLogStore store, LogKeys keys, String groupId) {
    this.store = store;
    this.keys = keys;
    this.groupId = groupId;
  }

  @Override
  public boolean init(LogStorageOptions options) {
    encoder = options.getLogEntryCodecFactory().encoder();
    decoder = options.getLogEntryCodecFactory().decoder();
    try {
      firstIndex = loadFirstIndex();
      loadConfigurations(options.getConfigurationManager());
      open = true;
      return true;
    } catch (RocksDBException | RuntimeException e) {
      LOG.error("[{}] cannot read its Raft log from {}: {}", groupId, store.directory(), e.toString());
      return false;
    }
  }

  private long loadFirstIndex() throws RocksDBException {
    byte[] recorded = store.db().get(store.firstIndexes(), keys.groupKey());
    if (recorded != null) {
      return ByteBuffer.wrap(recorded).getLong();
    }
    try (GroupCursor cursor = new GroupCursor(store.db(), store.entries(), keys, false)) {
      RocksIterator it = cursor.iterator();
      it.seek(keys.lowest());
      if (it.isValid()) {
        return keys.indexOf(it.key());
      }
      it.status();
      return 1;
    }
  }

  /** JRaft rebuilds a group's membership history from the configuration entries its log still holds. */
  private void loadConfigurations(ConfigurationManager manager) throws RocksDBException {
    try (GroupCursor cursor = new GroupCursor(store.db(), store.conf(), keys, false)) {
      RocksIterator it = cursor.iterator();
      for (it.seek(keys.lowest()); it.isValid(); it.next()) {
        LogEntry entry = decoder.decode(it.value());
        if (entry == null) {
          throw new IllegalStateException("undecodable configuration entry at index " + keys.indexOf(it.key()));
        }
        if (manager != null && entry.getType() == EntryType.ENTRY_TYPE_CONFIGURATION) {
          ConfigurationEntry conf = new ConfigurationEntry();
          conf.setId(new LogId(entry.getId().getIndex(), entry.getId().getTerm()));
          conf.setConf(new Configuration(entry.getPeers(), entry.getLearners()));
          if (entry.getOldPeers() != null) {
            conf.setOldConf(new Configuration(entry.getOldPeers(), entry.getOldLearners()));
          }
          manager.add(conf);
        }
      }
      it.status();
    }
  }

  @Override
  public void shutdown() {
    open = false;
  }

  @Override
  public long getFirstLogIndex() {
    return firstIndex;
  }

  @Override
  public long getLastLogIndex() {
    if (!usable()) {
      return 0;
    }
    try (GroupCursor cursor = new GroupCursor(store.db(), store.entries(), keys, false)) {
      RocksIterator it = cursor.iterator();
      it.seekForPrev(keys.end());
      return it.isValid() && keys.owns(it.key()) ? keys.indexOf(it.key()) : 0;
    }
  }

  @Override
  public LogEntry getEntry(long index) {
    if (!usable() || index < firstIndex) {
      return null;
    }
    try {
      byte[] bytes = store.db().get(store.entries(), keys.key(index));
      if (bytes == null) {
        return null;
      }
      LogEntry entry = decoder.decode(bytes);
      if (entry == null) {
        LOG.error("[{}] Raft log entry {} does not decode", groupId, index);
      }
      return entry;
    } catch (RocksDBException e) {
      LOG.error("[{}] cannot read Raft log entry {}: {}", groupId, index, e.getMessage());
      return null;
    }
  }

  @Deprecated
  @Override
  public long getTerm(long index) {
    LogEntry entry = getEntry(index);
    return entry == null ? 0 : entry.getId().getTerm();
  }

  @Override
  public boolean appendEntry(LogEntry entry) {
    return appendEntries(List.of(entry)) == 1;
  }

  /** One synced write batch for all of them: concurrent groups' batches share RocksDB's write group and fsync. */
  @Override
  public int appendEntries(List<LogEntry> entries) {
    if (entries == null || entries.isEmpty()) {
      return 0;
    }
    if (!usable()) {
      LOG.warn("[{}] append to a closed Raft log", groupId);
      return 0;
    }
    try (WriteBatch batch = new WriteBatch()) {
      for (LogEntry entry : entries) {
        put(batch, entry);
      }
      store.db().write(store.synced(), batch);
      return entries.size();
    } catch (RocksDBException e) {
      LOG.error("[{}] cannot append {} Raft log entries: {}", groupId, entries.size(), e.getMessage());
      return 0;
    }
  }

  private void put(WriteBatch batch, LogEntry entry) throws RocksDBException {
    byte[] key = keys.key(entry.getId().getIndex());
    byte[] bytes = encoder.encode(entry);
    batch.put(store.entries(), key, bytes);
    if (entry.getType() == EntryType.ENTRY_TYPE_CONFIGURATION) {
      batch.put(store.conf(), key, bytes);
    }
  }

  @Override
  public boolean truncatePrefix(long firstIndexKept) {
    if (!usable()) {
      return false;
    }
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(store.firstIndexes(), keys.groupKey(), indexBytes(firstIndexKept));
      batch.deleteRange(store.entries(), keys.lowest(), keys.key(firstIndexKept));
      batch.deleteRange(store.conf(), keys.lowest(), keys.key(firstIndexKept));
      store.db().write(store.unsynced(), batch);
      firstIndex = firstIndexKept;
      return true;
    } catch (RocksDBException e) {
      LOG.error("[{}] cannot truncate its Raft log before {}: {}", groupId, firstIndexKept, e.getMessage());
      return false;
    }
  }

  @Override
  public boolean truncateSuffix(long lastIndexKept) {
    if (!usable()) {
      return false;
    }
    try (WriteBatch batch = new WriteBatch()) {
      batch.deleteRange(store.entries(), keys.key(lastIndexKept + 1), keys.end());
      batch.deleteRange(store.conf(), keys.key(lastIndexKept + 1), keys.end());
      store.db().write(store.synced(), batch);
      return true;
    } catch (RocksDBException e) {
      LOG.error("[{}] cannot truncate its Raft log after {}: {}", groupId, lastIndexKept, e.getMessage());
      return false;
    }
  }

  /**
   * After a snapshot install: the log restarts at {@code nextLogIndex}, holding only that entry (the
   * one already there, or a no-op of term 0 as JRaft's own store writes), in one synced batch.
   */
  @Override
  public boolean reset(long nextLogIndex) {
    if (nextLogIndex <= 0) {
      throw new IllegalArgumentException("next log index must be positive: " + nextLogIndex);
    }
    if (!usable()) {
      return false;
    }
    LogEntry kept = getEntry(nextLogIndex);
    if (kept == null) {
      kept = new LogEntry(EntryType.ENTRY_TYPE_NO_OP);
      kept.setId(new LogId(nextLogIndex, 0));
    }
    try (WriteBatch batch = new WriteBatch()) {
      store.deleteGroup(batch, keys);
      batch.put(store.firstIndexes(), keys.groupKey(), indexBytes(nextLogIndex));
      put(batch, kept);
      store.db().write(store.synced(), batch);
      firstIndex = nextLogIndex;
      return true;
    } catch (RocksDBException e) {
      LOG.error("[{}] cannot reset its Raft log to {}: {}", groupId, nextLogIndex, e.getMessage());
      return false;
    }
  }

  /**
   * Whether this group's log may still touch the database: it was initialised and not shut down,
   * and the node's store is open. JRaft's threads of a stopped group must find it closed, never a
   * released RocksDB handle.
   */
  private boolean usable() {
    return open && store.isOpen();
  }

  private static byte[] indexBytes(long index) {
    return ByteBuffer.allocate(Long.BYTES).putLong(index).array();
  }
}
