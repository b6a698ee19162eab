package io.slotraft.node.metagroup;

import io.slotraft.node.cluster.ClusterMember;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's replica of meta, if it holds one: started at boot on a configured meta member or a
 * node with meta data, started later when meta makes this node a learner of meta (a drain moving a
 * vote here), and retired when meta no longer lists it among meta's voters or learners.
 */
public final class MetaHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MetaHost.class);

  /** Starts (or restarts from its directory) this node's meta replica, rebuilding it when damaged. */
  @FunctionalInterface
  public interface Starter {
    MetaReplica start(List<ClusterMember> voters) throws IOException;
  }

  /** Sets the data of a closed meta replica aside. */
  @FunctionalInterface
  public interface Retirer {
    void retire() throws IOException;
  }

  private final Starter starter;
  private final Retirer retirer;
  private volatile MetaReplica replica;

  public MetaHost(Starter starter, Retirer retirer) {
    this.starter = starter;
    this.retirer = retirer;
  }

  public Optional<MetaReplica> replica() {
    return Optional.ofNullable(replica);
  }

  public boolean isLeader() {
    MetaReplica current = replica;
    return current != null && current.isLeader();
  }

  /** Starts the replica unless it runs; {@code voters} are its initial peers when its directory is new. */
  public synchronized MetaReplica ensureRunning(List<ClusterMember> voters) throws IOException {
    if (replica == null) {
      replica = starter.start(voters);
      LOG.info("this node runs a replica of meta (voters {})", voters.stream().map(ClusterMember::name).toList());
    }
    return replica;
  }

  /** Stops the replica, if it runs, and sets its data aside: meta no longer lists this node. */
  public synchronized void retire() throws IOException {
    MetaReplica leaving = replica;
    if (leaving == null) {
      return;
    }
    replica = null;
    leaving.close();
    retirer.retire();
    LOG.info("meta no longer lists this node among its voters or learners: its meta replica is stopped and set aside");
  }

  @Override
  public synchronized void close() {
    if (replica != null) {
      replica.close();
    }
  }
}
