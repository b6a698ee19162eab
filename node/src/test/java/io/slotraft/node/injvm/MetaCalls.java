package io.slotraft.node.injvm;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.slotraft.node.Await;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MetaServiceGrpc;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.ProposeRequest;
import java.time.Duration;
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

  /**
   * Waits until operation {@code id} has ended, reading meta through node {@code node}, and answers
   * it; a read refused while meta elects a leader (a vote moving, a loaded machine) is made again.
   */
  Operation awaitEnd(int node, long id) throws InterruptedException {
    Await.until("operation " + id + " ends", Duration.ofSeconds(120), () -> {
      try {
        return state(node).getOperationsList().stream()
            .anyMatch(op -> op.getId() == id && op.getStatus() != OperationStatus.OPERATION_RUNNING);
      } catch (StatusRuntimeException e) {
        return false;
      }
    });
    return state(node).getOperationsList().stream().filter(op -> op.getId() == id).findFirst().orElseThrow();
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
  }
}
