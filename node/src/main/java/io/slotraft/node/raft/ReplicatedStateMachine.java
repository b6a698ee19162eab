package io.slotraft.node.raft;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * What a replica's state machine must do for the Raft adapter. JRaft types stop at this package:
 * the implementations ({@code io.slotraft.node.shard.Shard}, {@code io.slotraft.node.metagroup.MetaReplica})
 * see only indexes, bytes and directories.
 *
 * @param <R> what applying one entry answers: a shard's replies, meta's outcome
 */
public interface ReplicatedStateMachine<R> {

  /**
   * Applies one committed entry; runs on the replica's apply thread, entries in log order. What it
   * answers completes the future of the proposal that carried the entry, on the replica that
   * proposed it (elsewhere it is dropped).
   */
  R applyEntry(long index, long term, ByteBuffer data);

  /**
   * Called on the apply thread when a snapshot is due: capture what the snapshot needs, quickly,
   * and return the job that writes it, which then runs on another thread while applying goes on.
   */
  SnapshotJob captureSnapshot();

  /** Replaces the whole state with the snapshot in {@code directory}; throws if it is unusable. */
  void loadSnapshot(Path directory) throws IOException;

  /** This replica became leader (true) or stopped being leader (false). */
  void onRoleChange(boolean leader, long term);

  /** Writes a captured snapshot's files into a directory and names them. */
  @FunctionalInterface
  interface SnapshotJob {
    List<String> writeTo(Path directory) throws IOException;
  }
}
