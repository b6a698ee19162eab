package io.slotraft.node.snapshot;

import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.raft.ReplicatedStateMachine.SnapshotJob;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.shard.SnapshotStore;
import io.slotraft.node.statemachine.ClientSessions;
import io.slotraft.node.statemachine.ShardStateMachine;
import io.slotraft.proto.v1.SnapshotManifest;
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
    SnapshotPoint point = new SnapshotPoint(stateMachine.appliedIndex(), stateMachine.appliedTerm(),
        stateMachine.clockMs(), shard.slotStart(), shard.slotEnd());
    KeyspaceImage image = KeyspaceImage.capture(stateMachine.keyspace(), point);
    List<ClientSessions.Session> sessions = stateMachine.clientSessions().export();
    return directory -> SnapshotFileWriter.write(image, sessions, directory);
  }

  @Override
  public void load(Path directory, ShardStateMachine stateMachine) throws IOException {
    Keyspace loaded = new Keyspace();
    SnapshotManifest manifest = SnapshotFileReader.load(directory, loaded);
    ClientSessions sessions = ClientSessionsCodec.decode(manifest.getClientSessionsList(), ManifestFile.path(directory));
    stateMachine.restore(loaded, sessions, manifest.getAppliedIndex(), manifest.getAppliedTerm(), manifest.getClockMs());
  }
}
