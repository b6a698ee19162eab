package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.slotraft.client.SlotraftClient;
import io.slotraft.client.api.sync.SlotraftCommands;
import io.slotraft.client.reply.KeyValue;
import io.slotraft.client.reply.Reply;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.GetTopologyRequest;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.ShardInfo;
import io.slotraft.proto.v1.Topology;
import io.slotraft.proto.v1.TopologyServiceGrpc;
import io.slotraft.proto.v1.WatchTopologyRequest;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smart client and the topology service against three real node processes: the topology a node
 * serves, routing without redirects, multi-key commands over many slots, batches, and (last, since
 * it kills a node) a leader SIGKILLed under a client's load and seen by a topology watch.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmartClientIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ProcessCluster.startThree(root, 20700);
    cluster.awaitLeader(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static ManagedChannel channelTo(NodeProcess node) {
    return NettyChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
  }

  /** A client whose only seed is a follower: all it knows of the leader comes from the topology. */
  private static SlotraftClient clientThroughFollower() {
    cluster.awaitLeader(Duration.ofSeconds(30));
    return SlotraftClient.connect("127.0.0.1:" + cluster.followers().get(0).grpcPort());
  }

  private static List<String> keys(String prefix, int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(prefix + i);
    }
    return keys;
  }

  @Test
  @Order(1)
  void getTopologyShowsEveryNodeAndEveryShardWithItsLeader() {
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    ManagedChannel channel = channelTo(cluster.followers().get(0));
    try {
      Topology topology = TopologyServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
          .getTopology(GetTopologyRequest.getDefaultInstance());

      assertTrue(topology.getEpoch() >= 1, "epoch " + topology.getEpoch());
      Map<String, NodeAddress> byName = topology.getNodesList().stream()
          .collect(Collectors.toMap(NodeAddress::getName, node -> node));
      assertEquals(Set.of("n1", "n2", "n3"), byName.keySet());
      for (NodeProcess node : cluster.nodes()) {
        NodeAddress address = byName.get(node.name());
        assertEquals(node.grpcPort(), address.getGrpcPort());
        assertEquals(node.respPort(), address.getRespPort());
        assertEquals(40, address.getNodeId().length());
      }
      int nextSlot = 0;
      for (ShardInfo shard : topology.getShardsList()) {
        assertEquals(nextSlot, shard.getSlotStart(), "shards cover the slots in order, without gaps");
        nextSlot = shard.getSlotEnd() + 1;
        assertEquals(3, shard.getReplicaNodeIdsCount());
        assertEquals(byName.get(leader.name()).getNodeId(), shard.getLeaderNodeId());
      }
      assertEquals(16384, nextSlot);
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  @Order(2)
  void inSteadyStateNoCommandIsRedirected() {
    try (SlotraftClient client = clientThroughFollower()) {
      SlotraftCommands redis = client.sync();
      for (String key : keys("steady:", 500)) {
        redis.set(key, key);
        assertEquals(key, redis.get(key));
      }
      assertEquals(0, client.metrics().redirects(), client.metrics().toString());
      assertEquals(0, client.metrics().tryAgains(), client.metrics().toString());
    }
  }

  @Test
  @Order(3)
  void msetAndMgetOverAHundredKeysOfManySlots() {
    try (SlotraftClient client = clientThroughFollower()) {
      SlotraftCommands redis = client.sync();
      List<String> keys = keys("multi:", 100);
      List<KeyValue> pairs = new ArrayList<>();
      keys.forEach(key -> pairs.add(KeyValue.of(key, "v" + key)));
      Set<Integer> slots = new HashSet<>();
      keys.forEach(key -> slots.add(SlotHash.slot(key.getBytes())));
      assertTrue(slots.size() > 90, "the keys span many slots: " + slots.size());

      assertEquals("OK", redis.mset(pairs));
      List<String> asked = new ArrayList<>(keys);
      asked.add(50, "multi:absent");
      List<String> values = redis.mget(asked.toArray(String[]::new));

      for (int i = 0; i < asked.size(); i++) {
        String key = asked.get(i);
        assertEquals(key.equals("multi:absent") ? null : "v" + key, values.get(i), "value at " + i);
      }
      assertEquals(100, redis.exists(asked.toArray(String[]::new)));
      assertEquals(100, redis.touch(keys.toArray(String[]::new)));
      assertEquals(100, redis.del(keys.toArray(String[]::new)));
      assertEquals(0, redis.exists(keys.toArray(String[]::new)));
      assertEquals(0, client.metrics().redirects());
    }
  }

  @Test
  @Order(4)
  void aBatchOverManySlotsAnswersInTheQueuedOrder() {
    try (SlotraftClient client = clientThroughFollower()) {
      var batch = client.pipeline();
      List<String> keys = keys("batch:", 30);
      for (String key : keys) {
        batch.add("SET", key, "x" + key);
      }
      batch.add("PING");
      for (String key : keys) {
        batch.add("INCR", key);
        batch.add("GET", key);
      }
      List<Reply> replies = batch.execute();

      assertEquals(91, replies.size());
      assertEquals("PONG", replies.get(30).asString());
      for (int i = 0; i < keys.size(); i++) {
        assertTrue(replies.get(31 + 2 * i).isError(), "INCR of a non-number is an error reply, in place");
        assertEquals("x" + keys.get(i), replies.get(32 + 2 * i).asString());
      }
      assertEquals(0, client.metrics().redirects());
    }
  }

  @Test
  @Order(5)
  void dbsizeAndKeysCountEveryShardOnce() {
    try (SlotraftClient client = clientThroughFollower()) {
      SlotraftCommands redis = client.sync();
      redis.flushall();
      keys("count:", 25).forEach(key -> redis.set(key, "1"));
      assertEquals(25, redis.dbsize());
      assertEquals(25, redis.keys("count:*").size());
    }
  }

  /**
   * SIGKILL of the leader while a client runs reads and idempotent writes, and a WatchTopology stream
   * is open on a surviving node: the watch reports the new leader, and no operation of the client
   * fails (its retries cover the election).
   */
  @Test
  @Order(6)
  void theClientKeepsWorkingThroughALeaderKillAndTheWatchReportsTheNewLeader() throws Exception {
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    NodeProcess watched = cluster.followers().get(0);
    ManagedChannel channel = channelTo(watched);
    List<Topology> seen = new CopyOnWriteArrayList<>();
    AtomicReference<Throwable> watchError = new AtomicReference<>();
    TopologyServiceGrpc.newStub(channel).watchTopology(WatchTopologyRequest.getDefaultInstance(), new StreamObserver<>() {
      @Override
      public void onNext(Topology topology) {
        seen.add(topology);
      }

      @Override
      public void onError(Throwable error) {
        watchError.set(error);
      }

      @Override
      public void onCompleted() {
      }
    });
    cluster.awaitTrue(() -> !seen.isEmpty(), Duration.ofSeconds(5), "the watch's first topology");
    Map<String, String> idToName = seen.get(0).getNodesList().stream()
        .collect(Collectors.toMap(NodeAddress::getNodeId, NodeAddress::getName));
    assertEquals(leader.name(), idToName.get(seen.get(0).getShards(0).getLeaderNodeId()));

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong done = new AtomicLong();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    try (SlotraftClient client = SlotraftClient.builder()
        .seeds("127.0.0.1:" + watched.grpcPort(), "127.0.0.1:" + cluster.followers().get(1).grpcPort())
        .build()) {
      Thread load = new Thread(() -> {
        SlotraftCommands redis = client.sync();
        long i = 0;
        while (running.get()) {
          String key = "kill:" + (i % 200);
          try {
            redis.set(key, Long.toString(i));
            redis.get(key);
            redis.mget(key, "kill:" + ((i + 7) % 200));
            done.incrementAndGet();
          } catch (RuntimeException e) {
            failures.add(e);
          }
          i++;
        }
      }, "smart-client-load");
      load.start();
      Thread.sleep(1000);
      long before = done.get();
      leader.kill();

      cluster.awaitTrue(() -> seen.stream().anyMatch(t -> leaderName(t, idToName) != null
          && !leaderName(t, idToName).equals(leader.name())), Duration.ofSeconds(20), "the watch to name a new leader");
      cluster.awaitTrue(() -> done.get() > before + 200, Duration.ofSeconds(20), "the load to go on after the kill");
      running.set(false);
      load.join(15_000);

      assertEquals(List.of(), failures, "no operation failed beyond the client's retries");
      assertTrue(client.metrics().transportRetries() + client.metrics().redirects() + client.metrics().tryAgains() > 0,
          "the kill was felt: " + client.metrics());
      System.out.printf("FIGURE smart client through a leader SIGKILL: %d operation rounds, 0 failed; %s%n",
          done.get(), client.metrics());
    } finally {
      channel.shutdownNow();
    }
    assertEquals(null, watchError.get(), "the watch on a surviving node stays open");
    assertFalse(seen.isEmpty());
  }

  private static String leaderName(Topology topology, Map<String, String> idToName) {
    String id = topology.getShards(0).getLeaderNodeId();
    return id.isEmpty() ? null : idToName.get(id);
  }
}
