package io.slotraft.node.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A meta snapshot is the whole state in one checksummed file; loading it gives the state back exactly. */
class MetaSnapshotsTest {

  @Test
  void anEmptyMetaRoundTrips() throws IOException {
    assertEquals(MetaState.EMPTY, MetaSnapshots.decode(MetaSnapshots.encode(MetaState.EMPTY)));
  }

  @Test
  void aBootstrappedMetaRoundTripsAndAReplicaRestoredFromItGoesOnAlike() throws IOException {
    MetaStateMachine leader = new MetaStateMachine();
    leader.apply(2, MetaEntries.bootstrap(MetaStateMachineTest.plan(5, 12), "a"));
    leader.apply(4, MetaEntries.bootstrap(MetaStateMachineTest.plan(3, 1), "b"));
    MetaState loaded = MetaSnapshots.decode(MetaSnapshots.encode(leader.state()));
    assertEquals(leader.state(), loaded);

    // A lagging member installs the snapshot, then applies the entries after it.
    MetaStateMachine lagging = new MetaStateMachine();
    lagging.restore(loaded);
    byte[] next = MetaEntries.bootstrap(MetaStateMachineTest.plan(3, 3), "c");
    assertEquals(leader.apply(5, next), lagging.apply(5, next));
    assertEquals(leader.state(), lagging.state());
    assertEquals(2, lagging.state().ignoredBootstraps());
  }

  @Test
  void preferredLeaderChangesAndReportsRoundTrip() throws IOException {
    MetaStateMachine meta = new MetaStateMachine();
    meta.apply(1, MetaEntries.bootstrap(MetaStateMachineTest.plan(3, 6), "a"));
    var shard = meta.state().topology().placement().shards().get(4);
    meta.apply(2, MetaEntries.setPreferredLeader(shard.shardId(), shard.replicaNodeIds().get(1)).toByteArray());
    for (int i = 0; i < 3; i++) {
      String nodeId = MetaStateMachineTest.members(3).get(i).nodeId();
      meta.apply(3 + i, MetaEntries.nodeReport(new MemberReport(nodeId, 100 + i,
          java.util.List.of(new MemberReport.ReportedShard(shard.shardId(), i == 1)))).toByteArray());
    }
    MetaState loaded = MetaSnapshots.decode(MetaSnapshots.encode(meta.state()));
    assertEquals(meta.state(), loaded);
    assertEquals(2, loaded.epoch());
    assertEquals(3, loaded.reports().size());
  }

  @Test
  void aFlippedByteIsCaughtByTheChecksum() {
    MetaStateMachine meta = new MetaStateMachine();
    meta.apply(2, MetaEntries.bootstrap(MetaStateMachineTest.plan(3, 12), "a"));
    byte[] file = MetaSnapshots.encode(meta.state());
    file[file.length / 2] ^= 0x01;
    IOException e = assertThrows(IOException.class, () -> MetaSnapshots.decode(file));
    assertTrue(e.getMessage().contains("meta snapshot"), e.getMessage());
  }

  @Test
  void garbageIsRefusedWithAClearMessage() {
    IOException e = assertThrows(IOException.class, () -> MetaSnapshots.decode(new byte[] {1, 2, 3}));
    assertTrue(e.getMessage().startsWith("meta snapshot"), e.getMessage());
  }
}
