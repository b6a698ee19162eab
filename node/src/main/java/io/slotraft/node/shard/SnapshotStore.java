package io.slotraft.node.shard;

import io.slotraft.node.raft.ReplicatedStateMachine.SnapshotJob;
import io.slotraft.node.statemachine.ShardStateMachine;
import java.io.IOException;
import java.nio.file.Path;

/** How a shard's state becomes snapshot files and back. */
public interface SnapshotStore {

  /** On the apply thread: capture the state cheaply; the returned job writes the files later. */
  SnapshotJob capture(ShardStateMachine stateMachine, ShardId shard);

  /** Replaces the state machine's keyspace, clock and position with the snapshot in {@code directory}. */
  void load(Path directory, ShardStateMachine stateMachine) throws IOException;

  /** The applied index the snapshot in {@code directory} was taken at, read from its manifest alone. */
  long appliedIndex(Path directory) throws IOException;
}
