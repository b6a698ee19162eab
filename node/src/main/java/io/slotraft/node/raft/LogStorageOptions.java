package io.slotraft.node.raft;

import com.alipay.sofa.jraft.storage.impl.RocksDBLogStorage;
import com.alipay.sofa.jraft.util.StorageOptionsFactory;
import org.rocksdb.ColumnFamilyOptions;

/**
 * Sizes the RocksDB instance that holds each replica's Raft log. JRaft's defaults suit one group per
 * process: 64 MiB memtables (up to three each, off-heap) and write-ahead log files preallocated at
 * about that size, so each replica reserved ~141 MiB of disk. A node hosts tens of replicas, and a
 * log is compacted after every snapshot, so small memtables cost little.
 */
final class LogStorageOptions {
  /** Per memtable; the write-ahead log file is preallocated at about this size too. */
  static final long WRITE_BUFFER_BYTES = 4L * 1024 * 1024;
  private static boolean registered;

  private LogStorageOptions() {}

  /** JVM-wide (JRaft keys the options by class), so once per process, before the first replica starts. */
  static synchronized void registerOnce() {
    if (registered) {
      return;
    }
    ColumnFamilyOptions options = StorageOptionsFactory.getDefaultRocksDBColumnFamilyOptions();
    options.setWriteBufferSize(WRITE_BUFFER_BYTES);
    StorageOptionsFactory.registerRocksDBColumnFamilyOptions(RocksDBLogStorage.class, options);
    registered = true;
  }
}
