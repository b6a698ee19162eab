package io.slotraft.node.injvm;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MetaServiceGrpc;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.ProposeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The internal meta service of an in-JVM cluster's nodes, as the admin CLI and other nodes call it. */
final class MetaCalls implements AutoCloseable {
  private final InJvmCluster cluster;
  private final List<ManagedChannel> channels = new ArrayList<>();

  MetaCalls(InJvmCluster cluster) {
    this.cluster = cluster;
  }

  MetaServiceGrpc.MetaServiceBlockingStub stub(int node) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", cluster.grpcPorts().get(node))
        .usePlaintext().build();
    channels.add(channel);
    return MetaServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** Meta's state, read linearizably through node {@code node}. */
  MetaState state(int node) {
    return stub(node).getMetaState(GetMetaStateRequest.newBuilder().setAskingNodeId("test").build());
  }

  /** Proposes {@code command} through node {@code node}, which forwards it to meta's leader. */
  ProposeReply propose(int node, MetaCommand command) {
    return stub(node).propose(ProposeRequest.newBuilder().setCommand(command).build());
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
  }
}
