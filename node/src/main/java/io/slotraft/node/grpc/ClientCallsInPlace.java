package io.slotraft.node.grpc;

import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.slotraft.proto.v1.SlotraftClientGrpc;
import java.util.concurrent.Executor;

/**
 * Runs the client service's handlers on the transport thread that received the call, with no hop to
 * gRPC's default executor: they only hand commands to the dispatcher, which never blocks (the RESP
 * port calls it from its event loops too). Other services (meta, topology) keep the default
 * executor, as some of their handlers wait.
 */
public final class ClientCallsInPlace {
  public static final ServerCallExecutorSupplier SUPPLIER = new ServerCallExecutorSupplier() {
    @Override
    public <ReqT, RespT> Executor getExecutor(ServerCall<ReqT, RespT> call, Metadata metadata) {
      String service = call.getMethodDescriptor().getServiceName();
      return SlotraftClientGrpc.SERVICE_NAME.equals(service) ? MoreExecutors.directExecutor() : null;
    }
  };

  private ClientCallsInPlace() {
  }
}
