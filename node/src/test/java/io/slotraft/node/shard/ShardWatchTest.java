package io.slotraft.node.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.node.Catalogs;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.node.statemachine.KeyWatch;
import io.slotraft.node.statemachine.ShardStateMachine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EXEC with a WATCH taken on another shard (the key's slot moved by a split or merge between WATCH
 * and EXEC) is aborted at once: the watch's index belongs to the other shard's log, so whether the key
 * changed cannot be told, and nothing is proposed.
 */
class ShardWatchTest {
  private static final byte[] KEY = "{k}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aWatchFromAnotherShardAbortsTheTransactionWithoutProposingIt() throws Exception {
    // No Raft replica is attached: proposing anything would fail, so an answer means nothing was proposed.
    Shard shard = new Shard(new ShardId("s1", 0, 16383), new ShardStateMachine(Catalogs.keyspaceOnly()),
        new SstSnapshotStore(), () -> 0, 16);
    KeyWatch elsewhere = KeyWatch.of(KEY, new KeyWatch.Point(900, 0, "s3"));
    Reply reply = shard.transaction(List.of(List.of("INCR".getBytes(StandardCharsets.UTF_8), KEY)),
        List.of(elsewhere)).get();
    assertEquals(Reply.Nil.ARRAY, reply);
  }
}
