package io.slotraft.node.snapshot;

import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.raft.ReplicatedStateMachine.SnapshotJob;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.shard.SnapshotStore;
import io.slotraft.node.statemachine.ClientSessions;
import io.slotraft.node.statemachine.ShardStateMachine;
import io.slotraft.proto.v1.MergeFreeze;
import io.slotraft.proto.v1.MergeRecord;
import io.slotraft.proto.v1.SnapshotManifest;
import io.slotraft.proto.v1.SplitRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Shard snapshots as one sorted SST file plus a manifest. Loading fills a fresh keyspace and swaps
 * it in only once every key has been read and checked, so a bad snapshot never leaves a replica
 * half-loaded.
 */
public final class SstSnapshotStore implements SnapshotStore {

  @Override
  public SnapshotJob capture(ShardStateMachine stateMachine, ShardId shard) {
    // The state machine's own range, not meta's: a split shrinks it at its entry, before meta knows.
    SnapshotPoint point = new SnapshotPoint(stateMachine.appliedIndex(), stateMachine.appliedTerm(),
        stateMachine.clockMs(), stateMachine.slotStart(), stateMachine.slotEnd());
    KeyspaceImage image = KeyspaceImage.capture(stateMachine.keyspace(), point);
    List<ClientSessions.Session> sessions = stateMachine.clientSessions().export();
    SnapshotManifest reshapes = encode(stateMachine.reshapes());
    return directory -> SnapshotFileWriter.write(image, sessions, reshapes, directory);
  }

  /** The manifest fields that carry what splits and merges left in a shard's state. */
  static SnapshotManifest encode(ShardStateMachine.Reshapes reshapes) {
    SnapshotManifest.Builder manifest = SnapshotManifest.newBuilder();
    if (reshapes.lastSplit() != null) {
      ShardStateMachine.SplitRecord split = reshapes.lastSplit();
      manifest.setLastSplit(SplitRecord.newBuilder().setOperationId(split.operationId()).setSplitSlot(split.splitSlot())
          .setNewShardId(split.newShardId()).setSplitIndex(split.splitIndex()));
    }
    if (reshapes.mergeFreeze() != null) {
      ShardStateMachine.MergeFreeze freeze = reshapes.mergeFreeze();
      manifest.setMergeFreeze(MergeFreeze.newBuilder().setOperationId(freeze.operationId())
          .setTargetShardId(freeze.targetShardId()).setPrepareIndex(freeze.prepareIndex()));
    }
    if (reshapes.lastMerge() != null) {
      ShardStateMachine.MergeRecord merge = reshapes.lastMerge();
      manifest.setLastMerge(MergeRecord.newBuilder().setOperationId(merge.operationId())
          .setSourceShardId(merge.sourceShardId()).setCommitIndex(merge.commitIndex()));
    }
    return manifest.setMergeReleased(reshapes.mergeReleased()).build();
  }

  static ShardStateMachine.Reshapes decode(SnapshotManifest manifest) {
    SplitRecord split = manifest.getLastSplit();
    MergeFreeze freeze = manifest.getMergeFreeze();
    MergeRecord merge = manifest.getLastMerge();
    return new ShardStateMachine.Reshapes(
        manifest.hasLastSplit() ? new ShardStateMachine.SplitRecord(split.getOperationId(), split.getSplitSlot(),
            split.getNewShardId(), split.getSplitIndex()) : null,
        manifest.hasMergeFreeze() ? new ShardStateMachine.MergeFreeze(freeze.getOperationId(),
            freeze.getTargetShardId(), freeze.getPrepareIndex()) : null,
        manifest.hasLastMerge() ? new ShardStateMachine.MergeRecord(merge.getOperationId(), merge.getSourceShardId(),
            merge.getCommitIndex()) : null,
        manifest.getMergeReleased());
  }

  /** What splits and merges left in the state a snapshot directory holds, from its manifest alone. */
  public static ShardStateMachine.Reshapes reshapesIn(Path directory) throws IOException {
    return decode(ManifestFile.read(directory));
  }

  @Override
  public long appliedIndex(Path directory) throws IOException {
    return ManifestFile.read(directory).getAppliedIndex();
  }

  @Override
  public void load(Path directory, ShardStateMachine stateMachine) throws IOException {
    Keyspace loaded = new Keyspace();
    SnapshotManifest manifest = SnapshotFileReader.load(directory, loaded);
    ClientSessions sessions = ClientSessionsCodec.decode(manifest.getClientSessionsList(), ManifestFile.path(directory));
    stateMachine.restore(loaded, sessions, manifest.getAppliedIndex(), manifest.getAppliedTerm(), manifest.getClockMs(),
        manifest.getSlotStart(), manifest.getSlotEnd(), decode(manifest));
  }
}
