package io.slotraft.node.recovery;

import io.slotraft.node.raft.logstore.NodeLogStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starting a replica (a shard's or meta's) from its directory unless its data here is damaged: the
 * one place that decides between serving a replica and rebuilding it, for every kind of replica.
 *
 * @param started the running replica, or null when its data is damaged
 * @param damage what is damaged, in words for the log, when {@code started} is null
 */
public record ReplicaStart<T>(T started, String damage) {
  /** Starts a replica; may fail like any start. */
  @FunctionalInterface
  public interface Starter<T> {
    T start() throws IOException;
  }

  /**
   * Starts the replica in {@code directory}, unless its log was lost with the node's log store (known
   * before starting) or it fails to start because its data is damaged (looked for after the failure).
   *
   * @throws IOException or a runtime exception: the start failed for another reason, to try again
   */
  public static <T> ReplicaStart<T> unlessDamaged(Path directory, NodeLogStore logStore, String groupId,
      Starter<T> starter) throws IOException {
    Optional<String> lost = ReplicaDamage.beforeStart(directory);
    if (lost.isPresent()) {
      return new ReplicaStart<>(null, lost.get());
    }
    try {
      return new ReplicaStart<>(starter.start(), null);
    } catch (IOException | RuntimeException e) {
      Optional<String> damage = ReplicaDamage.find(directory, logStore, groupId);
      if (damage.isEmpty()) {
        throw e;
      }
      return new ReplicaStart<>(null, damage.get());
    }
  }
}
