package io.slotraft.node.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.raft.logstore.LogStoreFixtures;
import io.slotraft.node.raft.logstore.NodeLogStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What counts as damage before a replica may start: a log lost with the node's store (the marker),
 * and a log whose replica directory lost its Raft meta (it would no longer know whom it voted for).
 */
class ReplicaDamageTest {
  @TempDir
  Path root;

  @Test
  void aReplicaMarkedWhenTheStoreWasLostIsDamagedUntilItsDirectoryIsSetAside() throws IOException {
    Path replica = Files.createDirectories(root.resolve("shards/s1"));
    Path absent = root.resolve("shards/s2");
    LostLogMarker.markAll(List.of(replica, absent), "store damaged: test");
    assertTrue(ReplicaDamage.beforeStart(replica).orElseThrow().contains("store damaged: test"));
    assertEquals(Optional.empty(), ReplicaDamage.beforeStart(absent), "a replica with no directory has nothing to lose");
  }

  @Test
  void logEntriesWithoutRaftMetaAreDamageAndANewReplicaIsNot() throws IOException {
    Path replica = Files.createDirectories(root.resolve("shards/s1"));
    try (NodeLogStore store = NodeLogStore.open(root.resolve("raft-log"), damage -> { }, () -> 0)) {
      assertEquals(Optional.empty(), ReplicaDamage.find(replica, store, "shard-s1"), "new: no meta, no log");
      LogStoreFixtures.append(store, "shard-s1", 1, 3, 1);
      assertTrue(ReplicaDamage.find(replica, store, "shard-s1").orElseThrow().contains("Raft meta"),
          "entries but no record of term and vote");
      Files.createDirectories(replica.resolve("raft_meta"));
      Files.write(replica.resolve("raft_meta/raft_meta"), new byte[] {1});
      assertEquals(Optional.empty(), ReplicaDamage.find(replica, store, "shard-s1"), "meta and log: sound");
    }
  }
}
