package io.slotraft.node.shard;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's active expiry: every tick, each shard this node leads proposes one entry deleting a
 * batch of keys that are expired by the leader's clock. Followers never delete on their own clock;
 * they apply these entries like any other, so every replica deletes the same keys at the same index.
 * One batch per shard is in flight at a time, so a slow log is never flooded with expiry entries.
 */
public final class ExpiryCycle implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ExpiryCycle.class);
  static final int BATCH_SIZE = 500;

  private final Supplier<Collection<Shard>> shards;
  private final LongSupplier clock;
  private final Set<Shard> inFlight = ConcurrentHashMap.newKeySet();

  public ExpiryCycle(Supplier<Collection<Shard>> shards, LongSupplier clock) {
    this.shards = shards;
    this.clock = clock;
  }

  @Override
  public void run() {
    for (Shard shard : shards.get()) {
      // A frozen shard's state is final (its merge's target expires the keys): nothing to propose.
      if (shard.isLeader() && !shard.isFrozen() && inFlight.add(shard)) {
        expireBatch(shard);
      }
    }
  }

  private void expireBatch(Shard shard) {
    long now = clock.getAsLong();
    List<byte[]> expired = shard.withStateMachine(sm -> sm.keyspace().expiredKeys(now, BATCH_SIZE));
    if (expired.isEmpty()) {
      inFlight.remove(shard);
      return;
    }
    shard.proposeExpiry(now, expired).whenComplete((reply, failure) -> {
      inFlight.remove(shard);
      if (failure != null) {
        LOG.debug("expiry batch on {} not applied: {}", shard.id(), failure.getMessage());
      }
    });
  }
}
