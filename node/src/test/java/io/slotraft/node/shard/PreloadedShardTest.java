package io.slotraft.node.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.slotraft.node.Catalogs;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.node.statemachine.ClientSessions;
import io.slotraft.node.statemachine.ShardStateMachine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A split's new shard starts from the state its node carved, already written as its seed: JRaft's
 * first load of that seed keeps the state in memory rather than reading it back; any other load
 * (another index, a later install) reads the files.
 */
class PreloadedShardTest {
  private static final ShardId ID = new ShardId("s2", 8192, 16383);

  @TempDir
  Path directory;

  private static ShardStateMachine stateAt(long index, String key) {
    ShardStateMachine state = new ShardStateMachine(Catalogs.keyspaceOnly(), 8192, 16383);
    Keyspace keyspace = new Keyspace();
    keyspace.put(key.getBytes(StandardCharsets.UTF_8), new StringValue("v".getBytes(StandardCharsets.UTF_8)), 0);
    state.restore(keyspace, new ClientSessions(), index, 1, 1_000, 8192, 16383, ShardStateMachine.Reshapes.NONE);
    return state;
  }

  private Shard shardWith(ShardStateMachine state) {
    return new Shard(ID, state, new SstSnapshotStore(), () -> 0, 16);
  }

  @Test
  void theSeedAtThePreloadedIndexIsNotReadBackButALaterLoadIs() throws Exception {
    ShardStateMachine carved = stateAt(100, "{a}k");
    new SstSnapshotStore().capture(carved, ID).writeTo(directory.resolve("seed"));
    Shard shard = shardWith(carved);
    shard.preloaded(100);
    Keyspace inMemory = carved.keyspace();

    shard.loadSnapshot(directory.resolve("seed"));
    assertSame(inMemory, carved.keyspace(), "the carved keyspace is kept");
    assertEquals(100, shard.lastSnapshotIndex());

    shard.loadSnapshot(directory.resolve("seed"));
    assertNotSame(inMemory, carved.keyspace(), "only the first load is skipped");
  }

  @Test
  void aSnapshotAtAnotherIndexIsRead() throws Exception {
    ShardStateMachine later = stateAt(250, "{b}k");
    new SstSnapshotStore().capture(later, ID).writeTo(directory.resolve("later"));
    ShardStateMachine carved = stateAt(100, "{a}k");
    Shard shard = shardWith(carved);
    shard.preloaded(100);

    shard.loadSnapshot(directory.resolve("later"));
    assertEquals(250, carved.appliedIndex());
    assertEquals(1, carved.keyspace().size());
  }
}
