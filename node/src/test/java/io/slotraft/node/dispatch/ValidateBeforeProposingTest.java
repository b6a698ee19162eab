package io.slotraft.node.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.command.StandardKeyspaceCommands;
import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.PlacementPlanner;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.node.routing.LocalTopology;
import io.slotraft.node.routing.PlacedShardRouter;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.TestNode;
import io.slotraft.node.shard.ShardId;
import io.slotraft.node.statemachine.EntryCodec;
import io.slotraft.node.statemachine.ShardStateMachine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A write whose arguments are malformed is answered by the leader before it is proposed: on a real
 * shard with a real (one-voter) Raft replica, such a write leaves the applied index where it was,
 * and its reply is the very reply the apply path gives the same command (and Redis 7's text).
 */
class ValidateBeforeProposingTest {
  private static final long NOW = 1_700_000_000_000L;

  @TempDir
  static Path directory;
  static OneReplicaShard replica;
  static NodeCommandDispatcher dispatcher;
  static CommandCatalog catalog;

  @BeforeAll
  static void start() throws Exception {
    CommandCatalog.Builder builder = CommandCatalog.builder();
    StandardKeyspaceCommands.register(builder);
    NodeCommandDispatcher.registerTransactions(builder);
    catalog = builder.build();
    Placement placement = PlacementPlanner.plan(List.of(TestNode.ID1), 1, 1);
    replica = OneReplicaShard.start(directory, ShardId.of(placement.shards().get(0)), NOW);
    PlacedShardRouter router = new PlacedShardRouter(placement, List.of(replica.shard()));
    LocalTopology topology = new LocalTopology(TestNode.N1, 7, List.of(TestNode.N1), router, null);
    dispatcher = new NodeCommandDispatcher(catalog, new TestNode(), new KeyRouting(router, topology), () -> NOW);
  }

  @AfterAll
  static void stop() {
    if (replica != null) {
      replica.close();
    }
  }

  /** A command line (words split on spaces) and the error Redis 7 answers it. */
  static Stream<Arguments> malformedWrites() {
    return Stream.of(
        row("SET k v EX abc", "ERR value is not an integer or out of range"),
        row("SET k v EX 0", "ERR invalid expire time in 'set' command"),
        row("SET k v PX -5", "ERR invalid expire time in 'set' command"),
        row("SET k v NX XX", "ERR syntax error"),
        row("SET k v EX 10 PX 10", "ERR syntax error"),
        row("SET k v KEEPTTL EX 10", "ERR syntax error"),
        row("SET k v FOO", "ERR syntax error"),
        row("SETEX k abc v", "ERR value is not an integer or out of range"),
        row("SETEX k 0 v", "ERR invalid expire time in 'setex' command"),
        row("PSETEX k -1 v", "ERR invalid expire time in 'psetex' command"),
        row("GETEX k PERSIST EX 10", "ERR syntax error"),
        row("EXPIRE k abc", "ERR value is not an integer or out of range"),
        row("EXPIRE k 10 NX XX", "ERR NX and XX, GT or LT options at the same time are not compatible"),
        row("EXPIRE k 10 GT LT", "ERR GT and LT options at the same time are not compatible"),
        row("EXPIRE k 10 FOO", "ERR Unsupported option FOO"),
        row("EXPIRE k 9223372036854775807", "ERR invalid expire time in 'expire' command"),
        row("PEXPIRE k 1.5", "ERR value is not an integer or out of range"),
        row("EXPIREAT k abc", "ERR value is not an integer or out of range"),
        row("PEXPIREAT k 10 NX GT", "ERR NX and XX, GT or LT options at the same time are not compatible"),
        row("INCRBY k abc", "ERR value is not an integer or out of range"),
        row("DECRBY k 1.5", "ERR value is not an integer or out of range"),
        row("DECRBY k -9223372036854775808", "ERR decrement would overflow"),
        row("HINCRBY h f abc", "ERR value is not an integer or out of range"),
        row("HINCRBYFLOAT h f abc", "ERR value is not a valid float"),
        row("ZADD z abc m", "ERR value is not a valid float"),
        row("ZADD z NX XX 1 m", "ERR XX and NX options at the same time are not compatible"),
        row("ZADD z 1 a 2", "ERR syntax error"),
        row("ZADD z INCR 1 a 2 b", "ERR INCR option supports a single increment-element pair"),
        row("ZINCRBY z abc m", "ERR value is not a valid float"),
        row("SETRANGE k abc v", "ERR value is not an integer or out of range"),
        row("SETRANGE k -1 v", "ERR offset is out of range"),
        row("SETBIT k abc 1", "ERR bit offset is not an integer or out of range"),
        row("SETBIT k 1 2", "ERR bit is not an integer or out of range"),
        row("LINSERT l MIDDLE p v", "ERR syntax error"),
        row("LREM l abc v", "ERR value is not an integer or out of range"),
        row("LTRIM l 0 abc", "ERR value is not an integer or out of range"),
        row("LPOP l abc", "ERR value is out of range, must be positive"),
        row("RPOP l -1", "ERR value is out of range, must be positive"),
        row("SPOP s abc", "ERR value is out of range, must be positive"),
        row("ZPOPMIN z abc", "ERR value is out of range, must be positive"),
        row("ZREMRANGEBYSCORE z a b", "ERR min or max is not a float"),
        row("ZREMRANGEBYLEX z a b", "ERR min or max not valid string range item"),
        row("ZREMRANGEBYRANK z a 1", "ERR value is not an integer or out of range"),
        row("ZRANGESTORE {z}d {z}s a b BYSCORE", "ERR min or max is not a float"),
        row("ZUNIONSTORE d 0 a", "ERR at least 1 input key is needed for 'zunionstore' command"),
        row("ZUNIONSTORE {t}d 2 {t}a b", "CROSSSLOT Keys in request don't hash to the same slot"),
        row("ZINTERSTORE {t}d 1 b", "CROSSSLOT Keys in request don't hash to the same slot"),
        row("LMPOP 2 {t}a b LEFT", "CROSSSLOT Keys in request don't hash to the same slot"),
        row("LMPOP 0 a LEFT", "ERR numkeys should be greater than 0"),
        row("LMPOP 1 a MIDDLE", "ERR syntax error"),
        row("ZMPOP 2 {t}a b MIN", "CROSSSLOT Keys in request don't hash to the same slot"),
        row("ZMPOP 1 a MIN COUNT 0", "ERR count should be greater than 0"),
        row("BITFIELD k INCRBY u99 0 1", "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is."),
        row("BITFIELD k OVERFLOW FOO", "ERR Invalid OVERFLOW type specified"),
        row("BITFIELD k GET i8 abc", "ERR bit offset is not an integer or out of range"),
        row("SORT k STORE d", "CROSSSLOT Keys in request don't hash to the same slot"),
        row("SORT k LIMIT a 1", "ERR value is not an integer or out of range"),
        row("SORT k BY w*", "ERR BY option of SORT denied in Cluster mode."),
        row("SORT k FOO", "ERR syntax error"),
        row("COPY {k}a {k}b DB 1", "ERR Copying to another database is not allowed in cluster mode"),
        row("COPY {k}a {k}b FOO", "ERR syntax error"),
        row("BITOP NOT {k}d {k}a {k}b", "ERR BITOP NOT must be called with a single source key."),
        row("BITOP FOO {k}d {k}a", "ERR syntax error"),
        row("MSET {m}a 1 {m}b", "ERR wrong number of arguments for 'mset' command"),
        row("HSET h f v g", "ERR wrong number of arguments for 'hset' command"),
        row("FLUSHALL FOO", "ERR syntax error"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedWrites")
  void aMalformedWriteIsAnsweredWithoutAnEntry(String line, String expected) throws Exception {
    List<byte[]> argv = argv(line);
    long before = replica.appliedIndex();

    Reply reply = dispatcher.dispatch(session(), argv).get(10, TimeUnit.SECONDS);

    assertEquals(expected, errorText(reply), line);
    assertEquals(before, replica.appliedIndex(), line + " was proposed");
    assertEquals(errorText(applied(argv)), errorText(reply), line + ": the apply path answers otherwise");
  }

  @Test
  void aWellFormedWriteIsProposedAsBefore() throws Exception {
    long before = replica.appliedIndex();

    Reply reply = dispatcher.dispatch(session(), argv("SET k v EX 100 NX")).get(10, TimeUnit.SECONDS);

    assertTrue(reply instanceof Reply.Simple || reply instanceof Reply.Nil, reply.toString());
    assertNotEquals(before, replica.appliedIndex(), "a good write makes an entry");
  }

  @Test
  void insideMultiAnArgumentErrorIsAnsweredByExecAsRedisDoes() throws Exception {
    ClientSession session = session();
    dispatcher.dispatch(session, argv("MULTI")).get(10, TimeUnit.SECONDS);
    assertEquals(new Reply.Simple("QUEUED"), dispatcher.dispatch(session, argv("SET k v EX abc")).get(10, TimeUnit.SECONDS));
    assertEquals(new Reply.Simple("QUEUED"), dispatcher.dispatch(session, argv("SET k v")).get(10, TimeUnit.SECONDS));

    Reply exec = dispatcher.dispatch(session, argv("EXEC")).get(10, TimeUnit.SECONDS);

    assertEquals(List.of(new Reply.Error("ERR value is not an integer or out of range"), new Reply.Simple("OK")),
        ((Reply.Array) exec).items());
  }

  @Test
  void insideMultiCountedKeysOfTwoSlotsAbortTheTransactionAsRedisClusterDoes() throws Exception {
    ClientSession session = session();
    dispatcher.dispatch(session, argv("MULTI")).get(10, TimeUnit.SECONDS);

    Reply queued = dispatcher.dispatch(session, argv("ZUNIONSTORE {t}d 2 {t}a b")).get(10, TimeUnit.SECONDS);
    Reply exec = dispatcher.dispatch(session, argv("EXEC")).get(10, TimeUnit.SECONDS);

    assertEquals("CROSSSLOT Keys in request don't hash to the same slot", errorText(queued));
    assertEquals(new Reply.Error("EXECABORT Transaction discarded because of previous errors."), exec);
  }

  /** What a replica's state machine answers when it applies {@code argv} as an entry of its own. */
  private static Reply applied(List<byte[]> argv) {
    ShardStateMachine stateMachine = new ShardStateMachine(catalog);
    return stateMachine.apply(1, 1, ByteBuffer.wrap(EntryCodec.command(NOW, 7, argv))).get(0);
  }

  private static String errorText(Reply reply) {
    if (reply instanceof RoutingReply routing) {
      return routing.respText();
    }
    return reply instanceof Reply.Error error ? error.message() : "not an error: " + reply;
  }

  private static ClientSession session() {
    return new ClientSession("127.0.0.1:1", "127.0.0.1:7001", NOW);
  }

  private static Arguments row(String line, String error) {
    return Arguments.of(line, error);
  }

  private static List<byte[]> argv(String line) {
    return Arrays.stream(line.split(" ")).map(word -> word.getBytes(StandardCharsets.UTF_8)).toList();
  }
}
