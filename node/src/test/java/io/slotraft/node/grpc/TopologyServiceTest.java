package io.slotraft.node.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.cluster.ClusterView;
import io.slotraft.node.cluster.ShardView;
import io.slotraft.proto.v1.GetTopologyRequest;
import io.slotraft.proto.v1.Topology;
import io.slotraft.proto.v1.TopologyServiceGrpc;
import io.slotraft.proto.v1.WatchTopologyRequest;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GetTopology and WatchTopology over a real gRPC server on loopback, with a view the test changes. */
class TopologyServiceTest {
  private static final ClusterMember N1 = member(1);
  private static final ClusterMember N2 = member(2);
  private static final ClusterMember N3 = member(3);

  private final AtomicReference<ClusterView> view = new AtomicReference<>(view(1, N1.nodeId()));
  private TopologyWatch watch;
  private Server server;
  private ManagedChannel channel;

  private static ClusterMember member(int i) {
    return new ClusterMember(String.valueOf(i).repeat(40), "n" + i, "127.0.0.1", 7000 + i, 7100 + i, 7200 + i, 7300 + i);
  }

  /** Two shards, listed out of slot order, with replicas out of id order: the rendering must not care. */
  private static ClusterView view(long epoch, String leaderOfFirst) {
    List<String> replicas = List.of(N3.nodeId(), N1.nodeId(), N2.nodeId());
    return new ClusterView(epoch, N1, List.of(N1, N2, N3), List.of(
        new ShardView("s2", 8192, 16383, null, replicas),
        new ShardView("s1", 0, 8191, leaderOfFirst, replicas)));
  }

  @BeforeEach
  void start() throws Exception {
    watch = new TopologyWatch(view::get, Duration.ofMillis(20));
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new TopologyGrpcService(view::get, watch)).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    watch.close();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void getTopologyRendersTheViewWithShardsInSlotOrder() {
    Topology topology = TopologyServiceGrpc.newBlockingStub(channel).getTopology(GetTopologyRequest.getDefaultInstance());

    assertEquals(1, topology.getEpoch());
    assertEquals(List.of("n1", "n2", "n3"), topology.getNodesList().stream().map(n -> n.getName()).toList());
    assertEquals(7102, topology.getNodes(1).getGrpcPort());
    assertEquals(7002, topology.getNodes(1).getRespPort());
    assertEquals("s1", topology.getShards(0).getShardId());
    assertEquals(8191, topology.getShards(0).getSlotEnd());
    assertEquals(N1.nodeId(), topology.getShards(0).getLeaderNodeId());
    assertEquals("", topology.getShards(1).getLeaderNodeId(), "no leader known: empty");
    assertEquals(List.of(N1.nodeId(), N2.nodeId(), N3.nodeId()), topology.getShards(1).getReplicaNodeIdsList());
  }

  @Test
  void aWatchGetsTheTopologyAtOnceThenEachChangeAndNothingInBetween() throws Exception {
    Recorder recorder = new Recorder();
    TopologyServiceGrpc.newStub(channel).watchTopology(WatchTopologyRequest.getDefaultInstance(), recorder);
    await(() -> recorder.received.size() == 1, "the first topology");

    Thread.sleep(200); // ten polls of an unchanged view
    assertEquals(1, recorder.received.size(), "an unchanged view sends nothing");

    view.set(view(1, N2.nodeId()));
    await(() -> recorder.received.size() == 2, "the leader change");
    assertEquals(N2.nodeId(), recorder.received.get(1).getShards(0).getLeaderNodeId());

    view.set(view(2, N2.nodeId()));
    await(() -> recorder.received.size() == 3, "the epoch change");
    assertEquals(2, recorder.received.get(2).getEpoch());
  }

  @Test
  void aCancelledWatchIsForgotten() throws Exception {
    Recorder recorder = new Recorder();
    TopologyServiceGrpc.newStub(channel).watchTopology(WatchTopologyRequest.getDefaultInstance(), recorder);
    await(() -> watch.watcherCount() == 1, "the watch to register");

    recorder.call.cancel("done", null);

    await(() -> watch.watcherCount() == 0, "the node to forget the cancelled watch");
  }

  @Test
  void closingTheWatchEndsEveryStreamWithUnavailable() throws Exception {
    Recorder recorder = new Recorder();
    TopologyServiceGrpc.newStub(channel).watchTopology(WatchTopologyRequest.getDefaultInstance(), recorder);
    await(() -> recorder.received.size() == 1, "the first topology");

    watch.close();

    await(() -> recorder.error.get() != null, "the stream to end");
    assertEquals(Status.Code.UNAVAILABLE, Status.fromThrowable(recorder.error.get()).getCode());
    assertEquals(0, watch.watcherCount());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
      Thread.sleep(5);
    }
  }

  private static final class Recorder implements ClientResponseObserver<WatchTopologyRequest, Topology> {
    final List<Topology> received = new CopyOnWriteArrayList<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    ClientCallStreamObserver<WatchTopologyRequest> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchTopologyRequest> requestStream) {
      call = requestStream;
    }

    @Override
    public void onNext(Topology topology) {
      received.add(topology);
    }

    @Override
    public void onError(Throwable failure) {
      error.set(failure);
    }

    @Override
    public void onCompleted() {
    }
  }
}
