package io.slotraft.node.snapshot;

/**
 * Format version 1 of a snapshot directory.
 *
 * <ul>
 *   <li>{@value #DATA_FILE}: one SST file, keys = raw Redis keys in unsigned bytewise order (RocksDB's
 *       default comparator), values = serialized {@code SnapshotValue}; LZ4 compressed. Absent when
 *       the keyspace is empty, because RocksDB cannot finish an SST file with no entries.
 *   <li>{@value #MANIFEST_FILE}: a serialized {@code SnapshotManifest}.
 * </ul>
 *
 * <p>A new value type is a new {@code SnapshotValue} oneof field: older nodes then refuse the
 * snapshot with a clear error instead of dropping keys. A change of layout raises {@link #VERSION}.
 */
final class SnapshotFormat {
  static final int VERSION = 1;
  static final String DATA_FILE = "keyspace.sst";
  static final String MANIFEST_FILE = "manifest.pb";

  private SnapshotFormat() {}
}
