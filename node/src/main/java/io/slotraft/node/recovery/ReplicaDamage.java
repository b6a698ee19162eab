package io.slotraft.node.recovery;

import io.slotraft.node.raft.LocalReplicaFiles;
import io.slotraft.node.snapshot.CorruptSnapshotException;
import io.slotraft.node.snapshot.SnapshotFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a replica's directory holds damaged data: its newest snapshot fails the checks a load
 * makes (manifest, size, CRC32C), or its Raft log's RocksDB does not open or fails its checksums.
 * Asked only after the replica failed to start, so a healthy start costs nothing.
 */
public final class ReplicaDamage {
  private ReplicaDamage() {}

  /** What is damaged, in words for the log; empty when nothing is (the start failed for another reason). */
  public static Optional<String> find(Path replicaDirectory) {
    try {
      Optional<Path> snapshot = LocalReplicaFiles.newestSnapshot(replicaDirectory);
      if (snapshot.isPresent()) {
        SnapshotFileReader.verify(snapshot.get());
      }
    } catch (CorruptSnapshotException e) {
      return Optional.of("snapshot damaged: " + e.getMessage());
    } catch (IOException e) {
      return Optional.empty(); // unreadable for now (permissions, descriptors): not a reason to discard data
    }
    return LocalReplicaFiles.logDamage(replicaDirectory);
  }
}
