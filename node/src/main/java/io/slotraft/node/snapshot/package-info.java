/**
 * Shard snapshots on disk: capture a keyspace on the apply thread, write it as one RocksDB SST file
 * plus a manifest, validate and load it back.
 *
 * <p>Read in this order: {@link io.slotraft.node.snapshot.KeyspaceImage} (the O(n) capture of
 * references, safe because stored values are immutable), {@link
 * io.slotraft.node.snapshot.SnapshotFileWriter}, {@link io.slotraft.node.snapshot.SnapshotFileReader}.
 * {@code SnapshotFormat} describes the files.
 *
 * <p>Writing, and what a crash between two steps leaves behind:
 * <ol>
 *   <li>the data file is written sorted and fsynced: a crash leaves a directory with no manifest,
 *       which is not a snapshot and is never loaded;
 *   <li>the manifest (applied index, slot range, size and CRC32C of the data file) is written to a
 *       temporary name, fsynced and renamed to {@code manifest.pb}, then the directory is fsynced:
 *       the rename is the commit point.
 * </ol>
 *
 * <p>Not here: Raft. This package does not import JRaft; a separate adapter calls it from
 * {@code onSnapshotSave} / {@code onSnapshotLoad} and registers the file names the writer returns.
 */
package io.slotraft.node.snapshot;
