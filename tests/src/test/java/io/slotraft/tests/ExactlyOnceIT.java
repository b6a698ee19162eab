package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.slotraft.client.SlotraftClient;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.proto.v1.CommandBatch;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.StreamCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A write whose reply is lost is retried by the smart client and applied once (Raft dissertation
 * 6.3): the replies of INCR are dropped on purpose on the way back, after the node has applied it.
 */
class ExactlyOnceIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = ProcessCluster.startThree(root, 22600);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /**
   * Lets every request through but, while {@link #dropping} is set, throws away the reply to an INCR
   * and reports the call as broken (UNAVAILABLE): exactly what a client sees when a connection dies
   * after the node applied the write. Works on both transports: a unary Execute call carrying an
   * INCR, and a command stream, whose first reply batch after an INCR went out ends the stream
   * instead of reaching the client. Records each INCR request as sent.
   */
  static final class ReplyDropper implements ClientInterceptor {
    final AtomicBoolean dropping = new AtomicBoolean();
    final AtomicInteger dropped = new AtomicInteger();
    final List<CommandRequest> incrSent = new CopyOnWriteArrayList<>();

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        /** An INCR went out on this call and its reply has not come back yet. */
        private volatile boolean incrAwaitingReply;
        /** The client was already told the call broke: what the real call says later is not passed on. */
        private volatile boolean broken;

        @Override
        public void sendMessage(Q message) {
          for (CommandRequest request : requestsIn(message)) {
            if (request.getName().equalsIgnoreCase("INCR")) {
              incrAwaitingReply = true;
              incrSent.add(request);
            }
          }
          super.sendMessage(message);
        }

        @Override
        public void start(Listener<A> listener, Metadata headers) {
          ClientCall<Q, A> real = delegate();
          super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
            @Override
            public void onMessage(A message) {
              if (broken) {
                return;
              }
              if (!incrAwaitingReply || !dropping.get()) {
                super.onMessage(message);
                return;
              }
              broken = true;
              dropped.incrementAndGet();
              super.onClose(Status.UNAVAILABLE.withDescription("reply dropped by the test"), new Metadata());
              real.cancel("reply dropped by the test", null); // a stream: the real one ends too
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
              if (!broken) {
                super.onClose(status, trailers);
              }
            }
          }, headers);
        }
      };
    }

    private static List<CommandRequest> requestsIn(Object message) {
      if (message instanceof CommandRequest request) {
        return List.of(request);
      }
      if (message instanceof CommandBatch batch) {
        return batch.getCommandsList().stream().map(StreamCommand::getCommand).toList();
      }
      return List.of();
    }
  }

  private static SlotraftClient client(ReplyDropper dropper, boolean commandStreams) {
    NodeProcess any = cluster.nodes().get(0);
    return SlotraftClient.builder()
        .seeds("127.0.0.1:" + any.grpcPort())
        .commandStreams(commandStreams)
        .commandTimeout(Duration.ofSeconds(60))
        .channelFactory(endpoint -> {
          ManagedChannel channel = ManagedChannelBuilder.forAddress(endpoint.host(), endpoint.port()).usePlaintext().build();
          return new InterceptedChannel(channel, ClientInterceptors.intercept(channel, dropper));
        })
        .build();
  }

  private static String valueOnLeader(String key) {
    NodeProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
    try (Jedis jedis = new Jedis("127.0.0.1", leader.respPort(), 10_000)) {
      return jedis.get(key);
    }
  }

  @ParameterizedTest(name = "command streams: {0}")
  @ValueSource(booleans = {true, false})
  void aRetriedIncrWhoseReplyWasLostIsAppliedOnce(boolean commandStreams) {
    ReplyDropper dropper = new ReplyDropper();
    String key = "eo:counter:" + commandStreams;
    try (SlotraftClient client = client(dropper, commandStreams)) {
      client.sync().set(key, "10");
      dropper.dropping.set(true);
      CompletableFuture<Long> incr = client.async().incr(key).toCompletableFuture();
      cluster.awaitTrue(() -> dropper.dropped.get() >= 2, Duration.ofSeconds(30), "two replies dropped");
      dropper.dropping.set(false);
      assertEquals(11L, incr.join(), "the retry is answered with the first run's reply");
    }
    assertEquals("11", valueOnLeader(key), "INCR ran once although it was sent " + dropper.incrSent.size() + " times");
    assertTrue(dropper.incrSent.size() >= 3);
    long sequence = dropper.incrSent.get(0).getSequence().getSequence();
    assertTrue(sequence > 0, "INCR carries a write-session sequence");
    for (CommandRequest sent : dropper.incrSent) {
      assertEquals(sequence, sent.getSequence().getSequence(), "every attempt is the same write");
    }
  }

  /** The replies the new leader answers retries with were replicated: a failover does not forget them. */
  @ParameterizedTest(name = "command streams: {0}")
  @ValueSource(booleans = {true, false})
  void aRetryAfterTheLeaderDiedIsAnsweredByTheNewLeaderWithoutRunningAgain(boolean commandStreams) throws Exception {
    ReplyDropper dropper = new ReplyDropper();
    String key = "eo:failover:" + commandStreams;
    try (SlotraftClient client = client(dropper, commandStreams)) {
      client.sync().set(key, "100");
      NodeProcess oldLeader = cluster.awaitLeader(Duration.ofSeconds(30));
      dropper.dropping.set(true);
      CompletableFuture<Long> incr = client.async().incr(key).toCompletableFuture();
      cluster.awaitTrue(() -> dropper.dropped.get() >= 1, Duration.ofSeconds(30), "a reply dropped");
      oldLeader.kill();
      dropper.dropping.set(false);
      assertEquals(101L, incr.get(60, TimeUnit.SECONDS));
      assertEquals("101", valueOnLeader(key));
      cluster.start(oldLeader);
      cluster.awaitHealthy(Duration.ofSeconds(60));
    }
  }

  /** Hands the client an intercepted channel that still shuts down the real one. */
  static final class InterceptedChannel extends ManagedChannel {
    private final ManagedChannel real;
    private final Channel intercepted;

    InterceptedChannel(ManagedChannel real, Channel intercepted) {
      this.real = real;
      this.intercepted = intercepted;
    }

    @Override
    public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions options) {
      return intercepted.newCall(method, options);
    }

    @Override
    public String authority() {
      return real.authority();
    }

    @Override
    public ManagedChannel shutdown() {
      return real.shutdown();
    }

    @Override
    public boolean isShutdown() {
      return real.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return real.isTerminated();
    }

    @Override
    public ManagedChannel shutdownNow() {
      return real.shutdownNow();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return real.awaitTermination(timeout, unit);
    }
  }
}
