package io.slotraft.admin;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MetaServiceGrpc;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.PlanRebalanceRequest;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.ProposeRequest;
import io.slotraft.proto.v1.RebalanceSpec;
import java.util.concurrent.TimeUnit;

/**
 * Meta as the admin CLI reaches it: through any node's gRPC port ({@code MetaService}), which reads
 * meta linearizably and forwards proposals to meta's leader. gRPC failures become {@link
 * AdminException}s that say what to check.
 */
final class MetaClient implements AutoCloseable {
  /** Long enough for a node to forward a proposal past a meta member that is down. */
  private static final long DEADLINE_SECONDS = 20;

  private final String address;
  private final ManagedChannel channel;

  /** @param address host:port as the operator gave it, for messages */
  MetaClient(String address, ManagedChannel channel) {
    this.address = address;
    this.channel = channel;
  }

  MetaState state() {
    try {
      return stub(DEADLINE_SECONDS).getMetaState(GetMetaStateRequest.newBuilder().setAskingNodeId("slotraft-admin")
          .build());
    } catch (StatusRuntimeException e) {
      throw failure("read meta", e, DEADLINE_SECONDS);
    }
  }

  ProposeReply propose(MetaCommand command) {
    return propose(command, DEADLINE_SECONDS);
  }

  /** @param deadlineSeconds shorter than the default where an operator is waiting on Ctrl-C */
  ProposeReply propose(MetaCommand command, long deadlineSeconds) {
    try {
      return stub(deadlineSeconds).propose(ProposeRequest.newBuilder().setCommand(command).build());
    } catch (StatusRuntimeException e) {
      throw failure("change meta", e, deadlineSeconds);
    }
  }

  /** The plan a rebalance started now would follow, as the answering node computes it. */
  RebalanceSpec planRebalance(int maxConcurrentMoves) {
    try {
      return stub(DEADLINE_SECONDS).planRebalance(PlanRebalanceRequest.newBuilder()
          .setMaxConcurrentMoves(maxConcurrentMoves).build());
    } catch (StatusRuntimeException e) {
      throw failure("plan a rebalance", e, DEADLINE_SECONDS);
    }
  }

  private MetaServiceGrpc.MetaServiceBlockingStub stub(long deadlineSeconds) {
    return MetaServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS);
  }

  private AdminException failure(String what, StatusRuntimeException e, long deadlineSeconds) {
    Status status = e.getStatus();
    String detail = status.getDescription() == null ? status.getCode().toString()
        : status.getCode() + ": " + status.getDescription();
    String hint = switch (status.getCode()) {
      case UNAVAILABLE -> " (is a node's gRPC port at " + address + "? --node takes host:grpc-port, e.g. 127.0.0.1:7101)";
      case UNIMPLEMENTED -> " (" + address + " is not a Slotraft node of this version)";
      case DEADLINE_EXCEEDED -> " (no answer in " + deadlineSeconds + " s: does meta have a quorum?)";
      default -> "";
    };
    return new AdminException("cannot " + what + " through " + address + ": " + detail + hint);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
