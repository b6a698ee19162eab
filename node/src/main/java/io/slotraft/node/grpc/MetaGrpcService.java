package io.slotraft.node.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.slotraft.node.meta.MetaProtos;
import io.slotraft.node.meta.MetaState;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.proto.v1.MetaServiceGrpc;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The internal {@code MetaService} of a meta member: nodes without a meta replica read meta here.
 * Served only by meta members, next to (not part of) the client API.
 */
public final class MetaGrpcService extends MetaServiceGrpc.MetaServiceImplBase {
  private final Supplier<CompletableFuture<MetaState>> linearizableRead;

  /** @param linearizableRead this member's meta state after a ReadIndex */
  public MetaGrpcService(Supplier<CompletableFuture<MetaState>> linearizableRead) {
    this.linearizableRead = linearizableRead;
  }

  @Override
  public void getMetaState(GetMetaStateRequest request, StreamObserver<io.slotraft.proto.v1.MetaState> responses) {
    linearizableRead.get().whenComplete((state, failure) -> {
      if (failure != null) {
        responses.onError(Status.UNAVAILABLE
            .withDescription("this meta member cannot read meta now (" + failure.getMessage() + "); ask another")
            .asRuntimeException());
      } else {
        responses.onNext(MetaProtos.state(state));
        responses.onCompleted();
      }
    });
  }
}
