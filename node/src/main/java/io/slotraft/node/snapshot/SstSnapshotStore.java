package io.slotraft.node.snapshot;

import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.raft.ReplicatedStateMachine.SnapshotJob;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.shard.SnapshotStore;
import io.slotraft.node.statemachine.ClientSessions;
import io.slotraft.node.statemachine.ShardStateMachine;
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
    SplitRecord lastSplit = stateMachine.lastSplit().map(SstSnapshotStore::encode).orElse(null);
    return directory -> SnapshotFileWriter.write(image, sessions, lastSplit, directory);
  }

  private static SplitRecord encode(ShardStateMachine.SplitRecord split) {
    return SplitRecord.newBuilder().setOperationId(split.operationId()).setSplitSlot(split.splitSlot())
        .setNewShardId(split.newShardId()).setSplitIndex(split.splitIndex()).build();
  }

  private static ShardStateMachine.SplitRecord decode(SplitRecord split) {
    return new ShardStateMachine.SplitRecord(split.getOperationId(), split.getSplitSlot(), split.getNewShardId(),
        split.getSplitIndex());
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
        manifest.getSlotStart(), manifest.getSlotEnd(), manifest.hasLastSplit() ? decode(manifest.getLastSplit()) : null);
  }
}
