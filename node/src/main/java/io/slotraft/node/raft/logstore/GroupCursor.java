package io.slotraft.node.raft.logstore;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * An iterator over one group's keys in one column family, bounded above by the group's end key so
 * that it never walks into the next group's, with the native objects it needs closed together.
 */
final class GroupCursor implements AutoCloseable {
  private final Slice upper;
  private final ReadOptions options;
  private final RocksIterator iterator;

  /** @param fullScan a scan of the whole group: verify every block, and keep it out of the block cache */
  GroupCursor(RocksDB db, ColumnFamilyHandle family, LogKeys keys, boolean fullScan) {
    upper = new Slice(keys.end());
    options = new ReadOptions().setIterateUpperBound(upper);
    if (fullScan) {
      options.setVerifyChecksums(true).setFillCache(false);
    }
    iterator = db.newIterator(family, options);
  }

  RocksIterator iterator() {
    return iterator;
  }

  @Override
  public void close() {
    iterator.close();
    options.close();
    upper.close();
  }
}
