package io.slotraft.node.snapshot;

import org.rocksdb.RocksDB;

/**
 * Loads RocksDB's native library once per JVM: the class initializer runs exactly once and other
 * threads calling {@link #ensureLoaded()} meanwhile wait for it, as the JVM guarantees.
 */
final class RocksDbLibrary {
  static {
    RocksDB.loadLibrary();
  }

  private RocksDbLibrary() {}

  static void ensureLoaded() {
    // Nothing to do: reaching here means the static initializer has run.
  }
}
