package io.slotraft.node.shard;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.raft.LocalReplicaFiles;
import io.slotraft.node.raft.logstore.NodeLogStore;
import io.slotraft.node.snapshot.DurableFiles;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.node.statemachine.ShardStateMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A merge's frozen source as a node's disk holds it once its replica no longer runs there (after a
 * restart): its newest snapshot, then its own log entries from the node's log store up to the
 * merge's freeze, applied to a state machine off-line, exactly as its replica applied them (see
 * {@code operation.merge}). The driver made sure every replica had applied the freeze before the
 * target's COMMIT, so those entries are committed and still in the store: the source's log is cut
 * only up to a snapshot, and its snapshots stop once it hands its state over. A marker in the
 * source's directory, written when its replica applies the freeze, records the freeze and the range
 * a replay from the log's first entry starts with.
 */
public final class FrozenSourceOnDisk {
  /** The marker file in the source's directory. */
  static final String MARKER = "merge-freeze";

  private FrozenSourceOnDisk() {}

  /** What the marker records: the freeze, and the range the source's first log entry found it owning. */
  public record Marker(ShardStateMachine.MergeFreeze freeze, int initialSlotStart, int initialSlotEnd) {}

  /** Records the freeze in the source's directory (fsynced), or removes the record once it is let go. */
  public static void record(Path directory, Optional<Marker> marker) throws IOException {
    Path file = directory.resolve(MARKER);
    if (marker.isEmpty()) {
      if (Files.deleteIfExists(file)) {
        DurableFiles.fsyncDirectory(directory);
      }
      return;
    }
    ShardStateMachine.MergeFreeze freeze = marker.get().freeze();
    String line = freeze.operationId() + " " + freeze.targetShardId() + " " + freeze.prepareIndex() + " "
        + marker.get().initialSlotStart() + " " + marker.get().initialSlotEnd() + "\n";
    DurableFiles.replaceAtomically(file, line.getBytes(StandardCharsets.UTF_8));
  }

  /** The freeze recorded in {@code directory}, if any (an unreadable marker counts as none). */
  public static Optional<Marker> marker(Path directory) {
    try {
      String[] words = Files.readString(directory.resolve(MARKER), StandardCharsets.UTF_8).trim().split(" ");
      return Optional.of(new Marker(new ShardStateMachine.MergeFreeze(Long.parseLong(words[0]), words[1],
          Long.parseLong(words[2])), Integer.parseInt(words[3]), Integer.parseInt(words[4])));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The source's state as of its freeze entry at {@code prepareIndex} by merge {@code operationId}.
   *
   * @throws IOException when the directory or the log does not hold it
   */
  public static ShardStateMachine.FrozenState read(Path directory, NodeLogStore logStore, String groupId,
      CommandCatalog catalog, long operationId, long prepareIndex) throws IOException {
    Optional<Path> snapshot = LocalReplicaFiles.newestSnapshot(directory);
    ShardStateMachine state;
    if (snapshot.isPresent()) {
      state = new ShardStateMachine(catalog, 0, 0);
      new SstSnapshotStore().load(snapshot.get(), state);
    } else {
      Marker marker = marker(directory).orElseThrow(() -> new IOException(directory + " holds neither a snapshot "
          + "nor a record of the merge's freeze"));
      state = new ShardStateMachine(catalog, marker.initialSlotStart(), marker.initialSlotEnd());
    }
    if (state.appliedIndex() < prepareIndex) {
      replay(state, logStore, groupId, prepareIndex);
    }
    return state.frozenState(operationId).filter(frozen -> frozen.freeze().prepareIndex() == prepareIndex)
        .orElseThrow(() -> new IOException(groupId + "'s state in " + directory + " at index " + state.appliedIndex()
            + " is not frozen by merge " + operationId + " at " + prepareIndex));
  }

  private static void replay(ShardStateMachine state, NodeLogStore logStore, String groupId, long prepareIndex)
      throws IOException {
    state.attachMergeSources((source, operation, at) -> {
      throw new IllegalStateException(groupId + "'s log takes in " + source + " after its newest snapshot");
    });
    logStore.readDataEntries(groupId, state.appliedIndex() + 1, prepareIndex, (index, term, data) -> {
      state.apply(index, term, data);
      state.takeCarved(); // a split after the snapshot: its new shard is not this state's concern
    });
  }
}
