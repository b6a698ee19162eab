package io.slotraft.node.shard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.Catalogs;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.node.statemachine.ShardStateMachine;
import org.junit.jupiter.api.Test;

/** A replica started empty to be rebuilt from its peers serves no READONLY reads until it is a voter again. */
class ShardRebuildingTest {

  @Test
  void aRebuildingReplicaServesNoStaleReadsUntilRebuilt() {
    Shard shard = new Shard(new ShardId("s1", 0, 16383), new ShardStateMachine(Catalogs.keyspaceOnly()),
        new SstSnapshotStore(), () -> 0L, 100);
    assertTrue(shard.servesStaleReads(), "an ordinary follower serves READONLY reads");
    shard.markRebuilding();
    assertFalse(shard.servesStaleReads(), "an empty keyspace is not a stale copy");
    shard.rebuilt();
    assertTrue(shard.servesStaleReads());
  }
}
