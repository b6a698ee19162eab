package io.slotraft.node.raft;

import static io.slotraft.node.raft.LocalRaftGroup.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.Await;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A group started from seeded directories (a split's new shard) on real JRaft replicas: every
 * seeded replica loads the seed, the group elects a leader and its log goes on after the seed's
 * index; a replica without the seed, started outside the configuration, gets the state from the
 * leader by snapshot and never campaigns with an empty log.
 */
class SeededReplicaTest {
  private static final long SEED_INDEX = 1_000;
  private static final String SEED = "carved state";

  @RegisterExtension
  final LocalRaftGroups groups = new LocalRaftGroups();

  private static void seed(LocalRaftGroup group, LocalRaftGroup.Peer peer) throws Exception {
    assertTrue(SeededReplica.write(peer.directory, SEED_INDEX, 1, group.endpoints(),
        LocalRaftGroup.Recorder.stateJob(SEED)));
  }

  @Test
  void seededReplicasLoadTheSeedElectALeaderAndAppendAfterIt() throws Exception {
    LocalRaftGroup group = groups.unstarted(3);
    for (LocalRaftGroup.Peer peer : group.peers()) {
      seed(group, peer);
      peer.start();
    }
    LocalRaftGroup.Peer leader = group.awaitLeader();
    String applied = leader.replica.propose(bytes("after the seed")).get(30, TimeUnit.SECONDS);
    long index = Long.parseLong(applied.substring(applied.lastIndexOf(' ') + 1));
    assertTrue(index > SEED_INDEX, "applied at " + index);
    for (LocalRaftGroup.Peer peer : group.peers()) {
      assertEquals(SEED, peer.recorder.loaded);
      Await.until("every replica applies the write", Duration.ofSeconds(30),
          () -> peer.recorder.applied.contains("after the seed"));
    }
  }

  @Test
  void aReplicaWithoutTheSeedIsCaughtUpBySnapshotFromTheLeader() throws Exception {
    LocalRaftGroup group = groups.unstarted(3);
    List<LocalRaftGroup.Peer> peers = group.peers();
    seed(group, peers.get(0));
    seed(group, peers.get(1));
    peers.get(0).start();
    peers.get(1).start();
    LocalRaftGroup.Peer unseeded = peers.get(2);
    unseeded.start(group.endpoints().stream().filter(endpoint -> !endpoint.equals(unseeded.endpoint)).toList());

    LocalRaftGroup.Peer leader = group.awaitLeader();
    assertFalse(leader == unseeded, "the replica without the seed never leads");
    leader.replica.propose(bytes("after the seed")).get(30, TimeUnit.SECONDS);
    Await.until("the unseeded replica loads the leader's snapshot and applies the write", Duration.ofSeconds(30),
        () -> unseeded.recorder.applied.contains("after the seed"));
    assertTrue(unseeded.recorder.loaded != null && unseeded.recorder.loaded.startsWith(SEED),
        "loaded " + unseeded.recorder.loaded);
    assertTrue(unseeded.replica.isVoter(), "the snapshot's configuration lists it");
  }

  @Test
  void anExistingDirectoryIsNeverSeededOver() throws Exception {
    LocalRaftGroup group = groups.unstarted(1);
    LocalRaftGroup.Peer peer = group.peers().get(0);
    Files.createDirectories(peer.directory);
    assertFalse(SeededReplica.write(peer.directory, SEED_INDEX, 1, group.endpoints(),
        LocalRaftGroup.Recorder.stateJob(SEED)));
    assertFalse(Files.exists(peer.directory.resolve("snapshot")));
  }
}
