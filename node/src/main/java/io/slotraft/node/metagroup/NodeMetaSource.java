package io.slotraft.node.metagroup;

import io.slotraft.node.meta.MetaState;
import java.util.Optional;

/**
 * How a node reads meta: from its own meta replica while it is one of meta's voters (or before it
 * knows meta's voters), else from meta's voters over gRPC; either way round when the first answers
 * nothing. A node whose vote a drain moved away thus keeps reading meta, and a meta learner, which
 * may lag, never serves reads.
 */
public final class NodeMetaSource implements MetaSource {
  private final MetaHost host;
  private final RemoteMetaSource remote;
  private final String selfNodeId;
  private volatile MetaState lastRead = MetaState.EMPTY;

  public NodeMetaSource(MetaHost host, RemoteMetaSource remote, String selfNodeId) {
    this.host = host;
    this.remote = remote;
    this.selfNodeId = selfNodeId;
  }

  @Override
  public Optional<MetaState> read() {
    Optional<MetaReplica> local = host.replica();
    boolean localFirst = local.isPresent() && votesHere();
    Optional<MetaState> state = localFirst ? new LocalMetaSource(local.get()).read() : remote.read();
    if (state.isEmpty()) {
      state = localFirst ? remote.read() : local.flatMap(replica -> new LocalMetaSource(replica).read());
    }
    state.ifPresent(read -> lastRead = read);
    return state;
  }

  /** Whether this node votes in meta, as far as it last read (true before it has read a topology). */
  public boolean votesHere() {
    MetaState last = lastRead;
    return !last.bootstrapped() || last.topology().isMetaVoter(selfNodeId);
  }

  @Override
  public String describe() {
    return host.replica().isPresent() ? "this node's meta replica, else " + remote.describe() : remote.describe();
  }

  @Override
  public void close() {
    remote.close();
  }
}
