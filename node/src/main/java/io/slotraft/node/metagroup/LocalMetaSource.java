package io.slotraft.node.metagroup;

import io.slotraft.node.meta.MetaState;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A meta member reads its own meta replica, after a ReadIndex. */
public final class LocalMetaSource implements MetaSource {
  private static final long READ_TIMEOUT_MS = 3_000;

  private final MetaReplica meta;

  public LocalMetaSource(MetaReplica meta) {
    this.meta = meta;
  }

  @Override
  public Optional<MetaState> read() {
    try {
      return Optional.of(meta.readLinearizable().get(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty(); // no meta leader yet, or no quorum
    }
  }

  @Override
  public String describe() {
    return "this node's meta replica";
  }

  @Override
  public void close() {
    // The replica belongs to the node, which closes it.
  }
}
