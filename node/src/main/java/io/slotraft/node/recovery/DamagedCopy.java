package io.slotraft.node.recovery;

import io.slotraft.node.raft.logstore.NodeLogStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets a damaged replica's copy aside once meta's rebuild has taken the replica out of its group,
 * so that it starts again empty. The copy is moved, never deleted: an operator may want it for a
 * post-mortem, and deletes it once the replica is rebuilt.
 */
public final class DamagedCopy {
  private static final Logger LOG = LoggerFactory.getLogger(DamagedCopy.class);
  /** Part of the name of a copy set aside; a directory named so is never taken for a replica. */
  public static final String ASIDE_MARK = ".damaged-";

  private DamagedCopy() {}

  /**
   * Moves {@code directory} to {@code <directory>.damaged-<nowMs>} and drops the group's log from the
   * node's log store.
   *
   * @param operationId meta's rebuild operation, for the log line
   */
  public static void setAside(Path directory, String groupId, long operationId, NodeLogStore logStore, long nowMs)
      throws IOException {
    Path aside = directory.resolveSibling(directory.getFileName() + ASIDE_MARK + nowMs);
    if (Files.exists(directory)) {
      Files.move(directory, aside);
      LOG.warn("[{}] out of the group (operation {}); damaged copy moved to {} (delete it once the replica is "
          + "rebuilt)", groupId, operationId, aside);
    }
    // After the move: a crash before this drop leaves a fresh directory beside the old log, which the
    // next start takes for damage again, and the rebuild resumes at its operation's step.
    logStore.dropGroup(groupId);
  }
}
