package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/** MULTI/EXEC/WATCH against three real nodes, through Jedis and Lettuce, with Redis's replies and error texts. */
class TransactionIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = ProcessCluster.startThree(root, 22400);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static Jedis leader() {
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    return new Jedis("127.0.0.1", leader.respPort(), 20_000);
  }

  private static Object send(Jedis jedis, String... words) {
    ProtocolCommand command = () -> SafeEncoder.encode(words[0]);
    String[] args = java.util.Arrays.copyOfRange(words, 1, words.length);
    return jedis.sendCommand(command, args);
  }

  private static String text(Object reply) {
    return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
  }

  private static String error(Jedis jedis, String... words) {
    return assertThrows(JedisDataException.class, () -> send(jedis, words)).getMessage();
  }

  @Test
  void queuedCommandsRunTogetherAndAnswerInOrder() {
    try (Jedis jedis = leader()) {
      jedis.del("{tx}a", "{tx}b");
      Transaction tx = jedis.multi();
      tx.set("{tx}a", "1");
      tx.incrBy("{tx}a", 10);
      tx.rpush("{tx}b", "x", "y");
      tx.get("{tx}a");
      assertEquals(List.of("OK", 11L, 2L, "11"), tx.exec());
    }
  }

  @Test
  void aQueueTimeErrorAbortsTheWholeTransaction() {
    try (Jedis jedis = leader()) {
      jedis.del("{tx}abort");
      assertEquals("OK", text(send(jedis, "MULTI")));
      assertEquals("QUEUED", text(send(jedis, "SET", "{tx}abort", "1")));
      assertTrue(error(jedis, "NOSUCHCOMMAND", "x").startsWith("ERR unknown command 'NOSUCHCOMMAND'"));
      assertEquals("ERR wrong number of arguments for 'get' command", error(jedis, "GET"));
      assertEquals("EXECABORT Transaction discarded because of previous errors.", error(jedis, "EXEC"));
      assertNull(jedis.get("{tx}abort"), "nothing of the aborted transaction ran");
      assertEquals("ERR EXEC without MULTI", error(jedis, "EXEC"), "the transaction is over");
    }
  }

  @Test
  void aRunTimeErrorIsOneCommandsReplyAndTheRestStillRun() {
    try (Jedis jedis = leader()) {
      jedis.del("{tx}list", "{tx}after");
      jedis.rpush("{tx}list", "x");
      send(jedis, "MULTI");
      send(jedis, "INCR", "{tx}list");
      send(jedis, "SET", "{tx}after", "ran");
      @SuppressWarnings("unchecked")
      List<Object> replies = (List<Object>) send(jedis, "EXEC");
      assertInstanceOf(JedisDataException.class, replies.get(0));
      assertTrue(((JedisDataException) replies.get(0)).getMessage().startsWith("WRONGTYPE"));
      assertEquals("OK", text(replies.get(1)));
      assertEquals("ran", jedis.get("{tx}after"));
    }
  }

  @Test
  void strayVerbsGetRedisErrors() {
    try (Jedis jedis = leader()) {
      assertEquals("ERR EXEC without MULTI", error(jedis, "EXEC"));
      assertEquals("ERR DISCARD without MULTI", error(jedis, "DISCARD"));
      send(jedis, "MULTI");
      assertEquals("ERR MULTI calls can not be nested", error(jedis, "MULTI"));
      assertEquals("ERR WATCH inside MULTI is not allowed", error(jedis, "WATCH", "k"));
      assertEquals("QUEUED", text(send(jedis, "PING")));
      assertEquals("OK", text(send(jedis, "DISCARD")));
      assertEquals("PONG", text(send(jedis, "PING")), "DISCARD ended the transaction");
      assertEquals("CROSSSLOT Keys in request don't hash to the same slot", error(jedis, "WATCH", "a", "b"));
    }
  }

  @Test
  void keysOfSeveralSlotsAreRefusedAtExecAsRedisClusterDoes() {
    try (Jedis jedis = leader()) {
      send(jedis, "MULTI");
      send(jedis, "SET", "slot-one", "1");
      send(jedis, "SET", "slot-two", "2");
      assertEquals("CROSSSLOT Keys in request don't hash to the same slot", error(jedis, "EXEC"));
      assertNull(jedis.get("slot-one"));
      assertEquals("PONG", text(send(jedis, "PING")), "the transaction was discarded");
    }
  }

  @Test
  void aFollowerRedirectsQueuedKeyedCommandsAndExecAborts() {
    NodeProcess follower = cluster.followers().get(0);
    try (Jedis jedis = new Jedis("127.0.0.1", follower.respPort(), 20_000)) {
      send(jedis, "MULTI");
      assertTrue(error(jedis, "SET", "{tx}f", "1").startsWith("MOVED "));
      assertEquals("EXECABORT Transaction discarded because of previous errors.", error(jedis, "EXEC"));
    }
  }

  @Test
  void aWriteByAnotherClientToAWatchedKeyAbortsExec() {
    try (Jedis mine = leader(); Jedis theirs = leader()) {
      mine.set("{tx}watched", "0");
      assertEquals("OK", mine.watch("{tx}watched"));
      theirs.set("{tx}watched", "theirs");
      Transaction tx = mine.multi();
      tx.set("{tx}watched", "mine");
      tx.set("{tx}side", "effect");
      assertNull(tx.exec(), "EXEC answers a null array");
      assertEquals("theirs", mine.get("{tx}watched"));
      assertNull(mine.get("{tx}side"));

      mine.watch("{tx}watched");
      mine.unwatch();
      theirs.set("{tx}watched", "again");
      Transaction afterUnwatch = mine.multi();
      afterUnwatch.set("{tx}watched", "mine");
      assertEquals(List.of("OK"), afterUnwatch.exec(), "UNWATCH forgot the key");
    }
  }

  @Test
  void aWatchedKeyCreatedByAnotherClientAbortsExec() {
    try (Jedis mine = leader(); Jedis theirs = leader()) {
      mine.del("{tx}lock");
      mine.watch("{tx}lock");
      assertNull(mine.get("{tx}lock"));
      theirs.set("{tx}lock", "theirs");
      Transaction tx = mine.multi();
      tx.set("{tx}lock", "mine");
      assertNull(tx.exec());
      assertEquals("theirs", mine.get("{tx}lock"));
    }
  }

  /**
   * Transfers between two keys of one slot from many clients, while others read both keys, by
   * plain MGET and by read-only transactions: no read ever sees one side of a transfer alone.
   */
  @Test
  void transactionsAreAtomicUnderConcurrentClients() throws Exception {
    try (Jedis setup = leader()) {
      setup.mset("{acct}a", "0", "{acct}b", "0");
    }
    int writers = 6;
    int transfersEach = 150;
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    List<String> torn = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        work.add(pool.submit(() -> {
          try (Jedis jedis = leader()) {
            for (int i = 0; i < transfersEach; i++) {
              Transaction tx = jedis.multi();
              tx.incr("{acct}a");
              tx.decr("{acct}b");
              assertEquals(2, tx.exec().size());
            }
          }
          return null;
        }));
      }
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        boolean inTransaction = r == 1;
        readers.add(pool.submit(() -> {
          try (Jedis jedis = leader()) {
            while (writing.get()) {
              List<String> values;
              if (inTransaction) {
                Transaction tx = jedis.multi();
                tx.get("{acct}a");
                tx.get("{acct}b");
                values = tx.exec().stream().map(String::valueOf).toList();
              } else {
                values = jedis.mget("{acct}a", "{acct}b");
              }
              if (Long.parseLong(values.get(0)) + Long.parseLong(values.get(1)) != 0) {
                torn.add(values.toString());
              }
              reads.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> writer : work) {
        writer.get(120, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<?> reader : readers) {
        reader.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), torn, "reads that saw half a transfer");
    assertTrue(reads.get() > 10, "readers ran: " + reads.get());
    try (Jedis check = leader()) {
      assertEquals(List.of(Integer.toString(writers * transfersEach), Integer.toString(-writers * transfersEach)),
          check.mget("{acct}a", "{acct}b"));
    }
  }

  /** The classic optimistic-locking loop: with WATCH, concurrent read-modify-writes lose no update. */
  @Test
  void watchBasedCompareAndSetLosesNoUpdate() throws Exception {
    try (Jedis setup = leader()) {
      setup.set("{cas}counter", "0");
    }
    int clients = 4;
    int incrementsEach = 40;
    AtomicInteger aborts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        work.add(pool.submit(() -> {
          try (Jedis jedis = leader()) {
            for (int i = 0; i < incrementsEach; i++) {
              while (true) {
                jedis.watch("{cas}counter");
                long value = Long.parseLong(jedis.get("{cas}counter"));
                Transaction tx = jedis.multi();
                tx.set("{cas}counter", Long.toString(value + 1));
                if (tx.exec() != null) {
                  break;
                }
                aborts.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get(180, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Jedis check = leader()) {
      assertEquals(Integer.toString(clients * incrementsEach), check.get("{cas}counter"));
    }
    System.out.printf("FIGURE transactions: %d WATCH aborts over %d increments by %d clients%n", aborts.get(),
        clients * incrementsEach, clients);
  }

  @Test
  void lettuceTransactionsAndWatch() {
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", leader.respPort()));
    try (StatefulRedisConnection<String, String> connection = client.connect();
        Jedis other = leader()) {
      RedisCommands<String, String> redis = connection.sync();
      redis.del("{lt}k");
      assertEquals("OK", redis.multi());
      redis.set("{lt}k", "1");
      redis.incr("{lt}k");
      TransactionResult result = redis.exec();
      assertEquals(List.of("OK", 2L), result.stream().toList());

      redis.watch("{lt}k");
      other.set("{lt}k", "changed");
      redis.multi();
      redis.set("{lt}k", "mine");
      assertTrue(redis.exec().wasDiscarded(), "Lettuce sees the null array as discarded");
      assertEquals("changed", redis.get("{lt}k"));
    } finally {
      client.shutdown();
    }
  }

  @Test
  void transactionsSurviveARestartOfEveryNode() throws Exception {
    try (Jedis jedis = leader()) {
      Transaction tx = jedis.multi();
      tx.set("{dur}a", "1");
      tx.rpush("{dur}l", "x", "y", "z");
      tx.exec();
    }
    for (NodeProcess node : cluster.nodes()) {
      node.kill();
    }
    for (NodeProcess node : cluster.nodes()) {
      cluster.start(node);
    }
    cluster.awaitHealthy(Duration.ofSeconds(60));
    try (Jedis jedis = leader()) {
      assertEquals("1", jedis.get("{dur}a"));
      assertEquals(List.of("x", "y", "z"), jedis.lrange("{dur}l", 0, -1));
      jedis.watch("{dur}a");
      Transaction tx = jedis.multi();
      tx.incr("{dur}a");
      assertEquals(List.of(2L), tx.exec(), "a watch after recovery sees the recovered versions");
    }
  }
}
