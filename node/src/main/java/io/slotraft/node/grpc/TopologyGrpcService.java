package io.slotraft.node.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.slotraft.node.cluster.ClusterView;
import io.slotraft.proto.v1.GetTopologyRequest;
import io.slotraft.proto.v1.Topology;
import io.slotraft.proto.v1.TopologyServiceGrpc;
import io.slotraft.proto.v1.WatchTopologyRequest;
import java.util.function.Supplier;

/** {@code GetTopology} answers this node's view at once; {@code WatchTopology} hands the stream to the watch. */
public final class TopologyGrpcService extends TopologyServiceGrpc.TopologyServiceImplBase {
  private final Supplier<ClusterView> cluster;
  private final TopologyWatch watch;

  public TopologyGrpcService(Supplier<ClusterView> cluster, TopologyWatch watch) {
    this.cluster = cluster;
    this.watch = watch;
  }

  @Override
  public void getTopology(GetTopologyRequest request, StreamObserver<Topology> responses) {
    responses.onNext(TopologyProtos.topology(cluster.get()));
    responses.onCompleted();
  }

  @Override
  public void watchTopology(WatchTopologyRequest request, StreamObserver<Topology> responses) {
    // gRPC always hands server-streaming methods this subtype; it is what gives cancellation and readiness.
    watch.subscribe((ServerCallStreamObserver<Topology>) responses);
  }
}
