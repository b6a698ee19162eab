package io.slotraft.admin;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MetaServiceGrpc;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.ProposeRequest;
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

  MetaClient(NodeAddressOption node) {
    this.address = node.host() + ":" + node.port();
    this.channel = NettyChannelBuilder.forAddress(node.host(), node.port()).usePlaintext().build();
  }

  MetaState state() {
    try {
      return stub().getMetaState(GetMetaStateRequest.newBuilder().setAskingNodeId("slotraft-admin").build());
    } catch (StatusRuntimeException e) {
      throw failure("read meta", e);
    }
  }

  ProposeReply propose(MetaCommand command) {
    try {
      return stub().propose(ProposeRequest.newBuilder().setCommand(command).build());
    } catch (StatusRuntimeException e) {
      throw failure("change meta", e);
    }
  }

  private MetaServiceGrpc.MetaServiceBlockingStub stub() {
    return MetaServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  private AdminException failure(String what, StatusRuntimeException e) {
    Status status = e.getStatus();
    String detail = status.getDescription() == null ? status.getCode().toString()
        : status.getCode() + ": " + status.getDescription();
    String hint = switch (status.getCode()) {
      case UNAVAILABLE -> " (is a node's gRPC port at " + address + "? --node takes host:grpc-port, e.g. 127.0.0.1:7101)";
      case UNIMPLEMENTED -> " (" + address + " is not a Slotraft node of this version)";
      case DEADLINE_EXCEEDED -> " (no answer in " + DEADLINE_SECONDS + " s: does meta have a quorum?)";
      default -> "";
    };
    return new AdminException("cannot " + what + " through " + address + ": " + detail + hint);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
