package io.slotraft.node.recovery;

import io.slotraft.node.raft.MembershipChanges;
import io.slotraft.node.raft.logstore.NodeLogStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a replica whose local data is damaged from its peers, without ever serving from the
 * damaged copy and without weakening the group's majorities.
 *
 * <p>Simply wiping the directory and starting again would not be safe: the replica may have
 * counted toward committing entries it no longer has, so a later election could lose them (Raft
 * assumes a voter keeps what it acknowledged). So it leaves the group first, through the leader,
 * while its damaged copy stays untouched on disk; only then is the copy moved aside and the replica
 * started empty, and it asks to be added back, which the leader grants once it has caught it up
 * with a snapshot and the log. If the leader cannot take it out (no quorum), nothing changes and the
 * node tries again at its next reconcile pass.
 */
public final class ReplicaRebuild {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaRebuild.class);
  /** Between attempts to join again: the leader may be busy or changing. */
  private static final long REJOIN_RETRY_MS = 2_000;

  private final String groupId;
  private final List<String> peers;
  private final String self;

  /**
   * @param peers the group's voters as meta places them, this replica included
   * @param self this replica's Raft endpoint
   */
  public ReplicaRebuild(String groupId, List<String> peers, String self) {
    this.groupId = groupId;
    this.peers = List.copyOf(peers);
    this.self = self;
  }

  /**
   * Takes this replica out of its group, then moves its damaged directory aside.
   *
   * @return where the damaged copy now is
   * @throws IOException when the leader did not take the replica out (the directory is left as it is)
   */
  public Path leaveAndSetAside(Path directory, NodeLogStore logStore, String damage, long nowMs) throws IOException {
    LOG.error("[{}] this node's copy of the shard is damaged and will not be served: {}. Taking this replica "
        + "out of the group to rebuild it from its peers", groupId, damage);
    Optional<String> refused;
    try (MembershipChanges changes = new MembershipChanges()) {
      refused = changes.remove(groupId, peers, self);
    }
    if (refused.isPresent()) {
      throw new IOException("cannot rebuild the damaged replica yet: its leader did not take it out of the group ("
          + refused.get() + "); the damaged copy stays in place, unserved, and the next pass tries again");
    }
    Path aside = directory.resolveSibling(directory.getFileName() + ".damaged-" + nowMs);
    Files.move(directory, aside);
    // After the move: a crash before this drop leaves a directory without Raft meta beside a log with
    // entries, which the next start takes for damage again, and this pass repeats, harmlessly.
    logStore.dropGroup(groupId);
    LOG.warn("[{}] out of the group; damaged copy moved to {} (delete it once the replica is rebuilt)", groupId,
        aside);
    return aside;
  }

  /**
   * Asks, until granted, to be added back; run once the empty replica is running.
   *
   * @param onRejoined run once the leader has added the caught-up replica back
   */
  public void rejoinInBackground(ExecutorService executor, Runnable onRejoined) {
    executor.execute(() -> {
      long start = System.nanoTime();
      try (MembershipChanges changes = new MembershipChanges()) {
        while (!Thread.currentThread().isInterrupted()) {
          Optional<String> refused = changes.add(groupId, peers, self);
          if (refused.isEmpty()) {
            onRejoined.run();
            LOG.info("[{}] rebuilt from its peers and a voter again after {} ms", groupId,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return;
          }
          LOG.info("[{}] not added back yet ({}); asking again", groupId, refused.get());
          Thread.sleep(REJOIN_RETRY_MS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("[{}] rejoining the group failed: {}; restart the node to try again", groupId, e.toString());
      }
    });
  }
}
