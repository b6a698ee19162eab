package io.slotraft.node.recovery;

import io.slotraft.node.raft.LocalReplicaFiles;
import io.slotraft.node.raft.logstore.NodeLogStore;
import io.slotraft.node.snapshot.CorruptSnapshotException;
import io.slotraft.node.snapshot.SnapshotFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a replica's data on this node is damaged: its log was lost with a damaged log store (see
 * {@link LostLogMarker}), its newest snapshot fails the checks a load makes (manifest, size,
 * CRC32C), a log still in the per-replica layout does not open or fails its checksums, or its
 * entries in the node's shared log store fail theirs. {@link #beforeStart} is cheap and asked at
 * every start; {@link #find} reads everything and is asked only after a replica failed to start.
 */
public final class ReplicaDamage {
  private ReplicaDamage() {}

  /** Damage known without reading the data: a log lost with the store. Empty for a sound or new replica. */
  public static Optional<String> beforeStart(Path replicaDirectory) {
    return LostLogMarker.find(replicaDirectory);
  }

  /** What is damaged, in words for the log; empty when nothing is (the start failed for another reason). */
  public static Optional<String> find(Path replicaDirectory, NodeLogStore logStore, String groupId) {
    Optional<String> lost = LostLogMarker.find(replicaDirectory);
    if (lost.isPresent()) {
      return lost;
    }
    if (!LocalReplicaFiles.hasRaftMeta(replicaDirectory) && logStore.holdsEntries(groupId)) {
      return Optional.of("its Raft meta (current term and vote) is missing from " + replicaDirectory
          + " while its log holds entries");
    }
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
    Optional<String> legacyLog = LocalReplicaFiles.logDamage(replicaDirectory);
    return legacyLog.isPresent() ? legacyLog : logStore.damage(groupId);
  }
}
