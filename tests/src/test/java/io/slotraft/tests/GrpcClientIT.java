package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.client.SlotraftClient;
import io.slotraft.client.SlotraftCommandException;
import io.slotraft.client.api.sync.SlotraftCommands;
import io.slotraft.client.args.SetArgs;
import io.slotraft.client.reply.Reply;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** The Java client over gRPC against three real node processes. */
class GrpcClientIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ProcessCluster.startThree(root, 20600);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  /** A client whose only seed is a follower: every command must be led to the leader. */
  private static SlotraftClient clientThroughFollower() {
    cluster.awaitLeader(Duration.ofSeconds(30));
    NodeProcess follower = cluster.followers().get(0);
    return SlotraftClient.connect("127.0.0.1:" + follower.grpcPort());
  }

  @Test
  void syncCommandsFollowTheLeader() {
    try (SlotraftClient client = clientThroughFollower()) {
      SlotraftCommands redis = client.sync();
      assertEquals("OK", redis.set("grpc:greeting", "hello"));
      assertEquals("hello", redis.get("grpc:greeting"));
      assertEquals(3, redis.incrby("grpc:n", 3));
      assertEquals("hello", redis.set("grpc:greeting", "bye", new SetArgs().get()));
      assertEquals(1, redis.del("grpc:greeting"));
      assertNull(redis.get("grpc:greeting"));
      assertTrue(redis.expire("grpc:n", 100));
      long ttl = redis.ttl("grpc:n");
      assertTrue(ttl > 90 && ttl <= 100, "ttl " + ttl);
      assertEquals("OK", redis.set("grpc:text", "abc"));
      SlotraftCommandException notInteger = assertThrows(SlotraftCommandException.class, () -> redis.incr("grpc:text"));
      assertEquals("ERR value is not an integer or out of range", notInteger.getMessage());
    }
  }

  @Test
  void valuesLargerThanGrpcsDefaultMessageSizeRoundTrip() {
    try (SlotraftClient client = clientThroughFollower()) {
      String big = "x".repeat(10 * 1024 * 1024);
      assertEquals("OK", client.sync().set("grpc:big", big));
      assertEquals(big.length(), client.sync().get("grpc:big").length());
    }
  }

  @Test
  void asyncCommandsAndBatches() throws Exception {
    try (SlotraftClient client = clientThroughFollower()) {
      List<CompletableFuture<Long>> increments = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        increments.add(client.async().incr("grpc:async-counter"));
      }
      CompletableFuture.allOf(increments.toArray(CompletableFuture[]::new)).get();
      assertEquals("200", client.sync().get("grpc:async-counter"));

      var batch = client.pipeline();
      batch.add("SET", "grpc:batch", "1");
      batch.add("INCR", "grpc:batch");
      batch.add("GET", "grpc:batch");
      List<Reply> replies = batch.execute();
      assertEquals(3, replies.size());
      assertEquals("2", replies.get(2).asString());
    }
  }
}
