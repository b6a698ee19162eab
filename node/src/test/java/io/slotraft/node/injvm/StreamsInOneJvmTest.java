package io.slotraft.node.injvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.slotraft.node.Await;
import io.slotraft.client.SlotraftClient;
import io.slotraft.client.SlotraftIndeterminateException;
import io.slotraft.client.api.async.SlotraftAsyncCommands;
import io.slotraft.proto.v1.CommandBatch;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.ReplyBatch;
import io.slotraft.proto.v1.SlotraftClientGrpc;
import io.slotraft.proto.v1.StreamCommand;
import io.slotraft.proto.v1.StreamReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batched client stream on three real nodes hosting four shards in this JVM: a pipeline's order
 * within one stream batch, many commands to every shard at once through the smart client, and a
 * node restarted under a stream of sequenced increments with no acknowledged write lost or applied
 * twice.
 */
class StreamsInOneJvmTest {
  @TempDir
  Path root;
  private InJvmCluster cluster;
  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void stop() {
    channels.forEach(ManagedChannel::shutdownNow);
    if (cluster != null) {
      cluster.close();
    }
  }

  private SlotraftClient client() {
    List<String> seeds = cluster.grpcPorts().stream().map(port -> "127.0.0.1:" + port).toList();
    return SlotraftClient.builder().seeds(seeds.toArray(String[]::new)).commandTimeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void aReadInTheSameBatchSeesTheWritesSentBeforeIt() throws Exception {
    cluster = InJvmCluster.start(root, 3, 4);
    List<CommandRequest> batch = List.of(request("SET", "order:k", "a"), request("GET", "order:k"),
        request("SET", "order:k", "b"), request("APPEND", "order:k", "c"), request("GET", "order:k"));
    List<List<CommandResponse>> answers = new ArrayList<>();
    // Whichever node leads the key's shard runs the batch; the others answer NOT_LEADER for every command.
    Await.until("a node runs the whole batch", Duration.ofSeconds(30), () -> {
      for (int port : cluster.grpcPorts()) {
        List<CommandResponse> responses = overOneStream(port, batch);
        if (responses.stream().allMatch(CommandResponse::hasReply)) {
          answers.add(responses);
          return true;
        }
      }
      return false;
    });
    List<CommandResponse> responses = answers.get(0);
    assertEquals("OK", responses.get(0).getReply().getSimple());
    assertEquals("a", responses.get(1).getReply().getBulk().toStringUtf8());
    assertEquals(2, responses.get(3).getReply().getInteger());
    assertEquals("bc", responses.get(4).getReply().getBulk().toStringUtf8());
  }

  @Test
  void manyCommandsToEveryShardAtOnceGetTheirOwnReplies() throws Exception {
    cluster = InJvmCluster.start(root, 3, 4);
    try (SlotraftClient client = client()) {
      SlotraftAsyncCommands redis = client.async();
      int keys = 2_000;
      List<CompletableFuture<String>> writes = new ArrayList<>();
      for (int i = 0; i < keys; i++) {
        writes.add(redis.set("many:" + i, "value-" + i));
      }
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      List<CompletableFuture<String>> reads = new ArrayList<>();
      for (int i = 0; i < keys; i++) {
        reads.add(redis.get("many:" + i));
      }
      for (int i = 0; i < keys; i++) {
        assertEquals("value-" + i, reads.get(i).get(60, TimeUnit.SECONDS), "many:" + i);
      }
      assertEquals(4, client.slotMap().shards().size(), "the keys spread over every shard");
    }
  }

  /**
   * Increments run the whole time a node is stopped and started again. Every acknowledged INCR
   * returns a value no other INCR of its counter returned (none applied twice, or a retry would
   * have got a new number), and each counter ends at least at its acknowledged count and at most
   * that plus the increments whose outcome the client could not know.
   */
  @Test
  void aNodeRestartedUnderAStreamLosesNoAcknowledgedWriteAndAppliesNoneTwice() throws Exception {
    cluster = InJvmCluster.start(root, 3, 4);
    int counters = 8;
    int loops = 16;
    Map<String, Set<Long>> seen = new ConcurrentHashMap<>();
    Map<String, Integer> unknown = new ConcurrentHashMap<>();
    try (SlotraftClient client = client()) {
      SlotraftAsyncCommands redis = client.async();
      for (int c = 0; c < counters; c++) {
        seen.put("restart:" + c, ConcurrentHashMap.newKeySet());
        unknown.put("restart:" + c, 0);
      }
      AtomicBoolean running = new AtomicBoolean(true);
      List<CompletableFuture<Void>> workers = new ArrayList<>();
      for (int w = 0; w < loops; w++) {
        workers.add(incrementWhile(redis, "restart:" + (w % counters), running, seen, unknown));
      }
      Await.until("increments acknowledged before the restart", Duration.ofSeconds(30), () -> total(seen) > 200);
      cluster.restart(1);
      long afterRestart = total(seen);
      Await.until("increments acknowledged after the restart", Duration.ofSeconds(60), () -> total(seen) > afterRestart + 200);
      running.set(false);
      CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      for (String counter : seen.keySet()) {
        long acknowledged = seen.get(counter).size();
        long value = Long.parseLong(client.sync().get(counter));
        assertTrue(value >= acknowledged && value <= acknowledged + unknown.get(counter),
            counter + ": value " + value + ", acknowledged " + acknowledged + ", unknown " + unknown.get(counter));
      }
    }
  }

  /** One INCR after another on {@code counter} while {@code running}; records each reply and each unknown outcome. */
  private static CompletableFuture<Void> incrementWhile(SlotraftAsyncCommands redis, String counter,
      AtomicBoolean running, Map<String, Set<Long>> seen, Map<String, Integer> unknown) {
    if (!running.get()) {
      return CompletableFuture.completedFuture(null);
    }
    return redis.incr(counter).handle((value, error) -> {
      if (error == null) {
        assertTrue(seen.get(counter).add(value), counter + " returned " + value + " twice");
      } else if (unwrap(error) instanceof SlotraftIndeterminateException) {
        unknown.merge(counter, 1, Integer::sum);
      } else {
        throw new CompletionException(error);
      }
      return null;
    }).thenCompose(done -> incrementWhile(redis, counter, running, seen, unknown));
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }

  private static long total(Map<String, Set<Long>> seen) {
    return seen.values().stream().mapToLong(Set::size).sum();
  }

  /** Sends the commands as one CommandBatch on a new stream; their responses in request order. */
  private List<CommandResponse> overOneStream(int port, List<CommandRequest> commands) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    channels.add(channel);
    Map<Long, CommandResponse> byId = new ConcurrentHashMap<>();
    CountDownLatch answered = new CountDownLatch(commands.size());
    StreamObserver<CommandBatch> requests = SlotraftClientGrpc.newStub(channel).stream(new StreamObserver<>() {
      @Override
      public void onNext(ReplyBatch batch) {
        for (StreamReply reply : batch.getRepliesList()) {
          byId.put(reply.getId(), reply.getResponse());
          answered.countDown();
        }
      }

      @Override
      public void onError(Throwable error) {}

      @Override
      public void onCompleted() {}
    });
    CommandBatch.Builder batch = CommandBatch.newBuilder();
    for (int i = 0; i < commands.size(); i++) {
      batch.addCommands(StreamCommand.newBuilder().setId(i).setCommand(commands.get(i)));
    }
    requests.onNext(batch.build());
    try {
      assertTrue(answered.await(10, TimeUnit.SECONDS), "every command answered");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    requests.onCompleted();
    List<CommandResponse> inOrder = new ArrayList<>();
    for (long i = 0; i < commands.size(); i++) {
      inOrder.add(byId.get(i));
    }
    return inOrder;
  }

  private static CommandRequest request(String name, String... args) {
    CommandRequest.Builder request = CommandRequest.newBuilder().setName(name);
    for (String arg : args) {
      request.addArgs(ByteString.copyFromUtf8(arg));
    }
    return request.build();
  }
}
