package io.slotraft.node.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.Catalogs;
import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.catalog.KeyspaceHandler;
import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.PlacementPlanner;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.routing.PlacedShardRouter;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.shard.Shard;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.node.statemachine.EntryCodec;
import io.slotraft.node.statemachine.ShardStateMachine;
import io.slotraft.proto.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keyless commands over several local shards, with real shard state machines and no Raft: a
 * READONLY connection reads every local replica from what it has applied, so the merging and the
 * SCAN cursor are checked without leaders.
 */
class KeylessFanOutTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final CommandCatalog CATALOG = Catalogs.keyspaceOnly();

  @Test
  void everyKeylessKeyspaceCommandHasAMergeRule() {
    for (CommandSpec spec : CATALOG.all()) {
      if (spec.handler() instanceof KeyspaceHandler && !spec.keys().hasKeys()) {
        KeylessFanOut.mergeOf(spec); // throws for a command without a rule
      }
    }
  }

  @Test
  void aShardInTheMiddleOfAHandOverMakesTheWholeAnswerItsRedirectNotAPartialSumOrACrash() {
    Reply tryAgain = new io.slotraft.node.reply.RoutingReply.TryAgain(-1, "leader changed, retry");
    Reply merged = KeylessFanOut.merge(KeylessFanOut.Merge.SUM,
        List.of(io.slotraft.node.reply.Replies.integer(3), tryAgain));
    assertEquals(tryAgain, merged);
  }

  @Test
  void scanWalksEveryLocalShardInTurnAndDbsizeAndKeysAddUp() {
    Placement placement = PlacementPlanner.plan(List.of("n1"), 4, 1);
    List<Shard> shards = new ArrayList<>();
    for (ShardPlacement p : placement.shards()) {
      shards.add(new Shard(new ShardId(p.shardId(), p.slotStart(), p.slotEnd()), new ShardStateMachine(CATALOG),
          new SstSnapshotStore(), () -> NOW, 100));
    }
    PlacedShardRouter router = new PlacedShardRouter(placement, shards);
    Set<String> keys = new HashSet<>();
    long[] index = new long[shards.size()];
    for (int i = 0; i < 200; i++) {
      String key = "key:" + i;
      keys.add(key);
      int shard = shards.indexOf(router.localShard(SlotHash.slot(key.getBytes(StandardCharsets.UTF_8))).orElseThrow());
      shards.get(shard).applyEntry(++index[shard], 1, java.nio.ByteBuffer.wrap(EntryCodec.command(NOW, 7,
          List.of(bytes("set"), bytes(key), bytes("v")))));
    }
    ClientSession session = new ClientSession("127.0.0.1:1", "127.0.0.1:7001", NOW);
    session.setReadOnlyReplicaReads(true);
    KeylessFanOut fanOut = new KeylessFanOut(router);

    assertEquals(new Reply.Int(200), run(fanOut, session, "dbsize"));
    assertEquals(200, ((Reply.Array) run(fanOut, session, "keys", "*")).items().size());

    Set<String> scanned = new HashSet<>();
    Set<Long> shardPositions = new HashSet<>();
    String cursor = "0";
    int calls = 0;
    do {
      Reply.Array page = (Reply.Array) run(fanOut, session, "scan", cursor, "count", "7");
      cursor = text(page.items().get(0));
      shardPositions.add(Long.parseUnsignedLong(cursor) >>> KeylessFanOut.SHARD_SHIFT);
      ((Reply.Array) page.items().get(1)).items().forEach(item -> scanned.add(text(item)));
      assertTrue(++calls < 1000, "SCAN never ended");
    } while (!cursor.equals("0"));
    assertEquals(keys, scanned);
    assertEquals(Set.of(0L, 1L, 2L, 3L), shardPositions, "the cursor's high bits name each shard in turn");
    assertEquals("ERR invalid cursor", ((Reply.Error) run(fanOut, session, "scan", "-1")).message());
  }

  @Test
  void aConnectionWithoutReadonlyOnANodeLeadingNothingFlushesNothing() {
    Placement placement = PlacementPlanner.plan(List.of("n1"), 2, 1);
    List<Shard> shards = placement.shards().stream().map(p -> new Shard(new ShardId(p.shardId(), p.slotStart(),
        p.slotEnd()), new ShardStateMachine(CATALOG), new SstSnapshotStore(), () -> NOW, 100)).toList();
    KeylessFanOut fanOut = new KeylessFanOut(new PlacedShardRouter(placement, shards));
    ClientSession session = new ClientSession("127.0.0.1:1", "127.0.0.1:7001", NOW);
    assertEquals(KeyRouting.READONLY_REPLICA, run(fanOut, session, "flushall"));
  }

  private static Reply run(KeylessFanOut fanOut, ClientSession session, String... argv) {
    CommandArgs args = CommandArgs.of(argv);
    return fanOut.execute(CATALOG.lookup(argv[0]), session, args, (failure, shard) -> {
      throw new AssertionError(failure);
    }).join();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Reply reply) {
    return new String(((Reply.Bulk) reply).value(), StandardCharsets.UTF_8);
  }
}
