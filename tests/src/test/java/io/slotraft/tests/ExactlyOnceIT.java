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
import io.slotraft.proto.v1.CommandRequest;
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
import org.junit.jupiter.api.Test;
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
   * Lets every request through but, while {@link #dropping} is set, throws away the reply of each
   * INCR and reports the call as broken (UNAVAILABLE): exactly what a client sees when a connection
   * dies after the node applied the write. Records each INCR request as sent.
   */
  static final class ReplyDropper implements ClientInterceptor {
    final AtomicBoolean dropping = new AtomicBoolean();
    final AtomicInteger dropped = new AtomicInteger();
    final List<CommandRequest> incrSent = new CopyOnWriteArrayList<>();

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        private boolean isIncr;

        @Override
        public void sendMessage(Q message) {
          if (message instanceof CommandRequest request && request.getName().equalsIgnoreCase("INCR")) {
            isIncr = true;
            incrSent.add(request);
          }
          super.sendMessage(message);
        }

        @Override
        public void start(Listener<A> listener, Metadata headers) {
          super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
            private boolean drop;

            @Override
            public void onMessage(A message) {
              drop = isIncr && dropping.get();
              if (!drop) {
                super.onMessage(message);
              }
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
              if (drop) {
                dropped.incrementAndGet();
                super.onClose(Status.UNAVAILABLE.withDescription("reply dropped by the test"), new Metadata());
              } else {
                super.onClose(status, trailers);
              }
            }
          }, headers);
        }
      };
    }
  }

  private static SlotraftClient client(ReplyDropper dropper) {
    NodeProcess any = cluster.nodes().get(0);
    return SlotraftClient.builder()
        .seeds("127.0.0.1:" + any.grpcPort())
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

  @Test
  void aRetriedIncrWhoseReplyWasLostIsAppliedOnce() {
    ReplyDropper dropper = new ReplyDropper();
    try (SlotraftClient client = client(dropper)) {
      client.sync().set("eo:counter", "10");
      dropper.dropping.set(true);
      CompletableFuture<Long> incr = client.async().incr("eo:counter").toCompletableFuture();
      cluster.awaitTrue(() -> dropper.dropped.get() >= 2, Duration.ofSeconds(30), "two replies dropped");
      dropper.dropping.set(false);
      assertEquals(11L, incr.join(), "the retry is answered with the first run's reply");
    }
    assertEquals("11", valueOnLeader("eo:counter"), "INCR ran once although it was sent " + dropper.incrSent.size() + " times");
    assertTrue(dropper.incrSent.size() >= 3);
    long sequence = dropper.incrSent.get(0).getSequence().getSequence();
    assertTrue(sequence > 0, "INCR carries a write-session sequence");
    for (CommandRequest sent : dropper.incrSent) {
      assertEquals(sequence, sent.getSequence().getSequence(), "every attempt is the same write");
    }
  }

  /** The replies the new leader answers retries with were replicated: a failover does not forget them. */
  @Test
  void aRetryAfterTheLeaderDiedIsAnsweredByTheNewLeaderWithoutRunningAgain() throws Exception {
    ReplyDropper dropper = new ReplyDropper();
    try (SlotraftClient client = client(dropper)) {
      client.sync().set("eo:failover", "100");
      NodeProcess oldLeader = cluster.awaitLeader(Duration.ofSeconds(30));
      dropper.dropping.set(true);
      CompletableFuture<Long> incr = client.async().incr("eo:failover").toCompletableFuture();
      cluster.awaitTrue(() -> dropper.dropped.get() >= 1, Duration.ofSeconds(30), "a reply dropped");
      oldLeader.kill();
      dropper.dropping.set(false);
      assertEquals(101L, incr.get(60, TimeUnit.SECONDS));
      assertEquals("101", valueOnLeader("eo:failover"));
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
