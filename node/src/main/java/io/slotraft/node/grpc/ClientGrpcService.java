package io.slotraft.node.grpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.CommandDispatcher;
import io.slotraft.proto.v1.BatchRequest;
import io.slotraft.proto.v1.BatchResponse;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.SlotraftClientGrpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The gRPC face of the command path: each request becomes argv for the same dispatcher the RESP port
 * uses. A batch runs in order; consecutive commands of the same kind (reads, or writes) are in flight
 * together, and a change of kind waits for the earlier ones, so a read sees the batch's earlier writes.
 */
public final class ClientGrpcService extends SlotraftClientGrpc.SlotraftClientImplBase {
  private final CommandDispatcher dispatcher;
  private final CommandKinds kinds;
  private final LongSupplier clock;
  private final LongSupplier epoch;

  /** @param epoch the node's topology epoch, stamped on routing errors that do not carry one */
  public ClientGrpcService(CommandDispatcher dispatcher, CommandKinds kinds, LongSupplier clock, LongSupplier epoch) {
    this.dispatcher = dispatcher;
    this.kinds = kinds;
    this.clock = clock;
    this.epoch = epoch;
  }

  @Override
  public void execute(CommandRequest request, StreamObserver<CommandResponse> responses) {
    dispatcher.dispatch(session(), argv(request)).whenComplete((reply, failure) -> {
      responses.onNext(ReplyProtos.response(failure == null ? reply : Replies.error("ERR internal error"),
          epoch.getAsLong()));
      responses.onCompleted();
    });
  }

  @Override
  public void executeBatch(BatchRequest request, StreamObserver<BatchResponse> responses) {
    ClientSession session = session();
    List<CompletableFuture<Reply>> replies = new ArrayList<>(request.getCommandsCount());
    CompletableFuture<Void> previousKind = CompletableFuture.completedFuture(null);
    List<CompletableFuture<Reply>> sameKind = new ArrayList<>();
    Boolean currentIsWrite = null;
    for (CommandRequest command : request.getCommandsList()) {
      List<byte[]> argv = argv(command);
      boolean isWrite = kinds.isWrite(argv);
      if (currentIsWrite != null && currentIsWrite != isWrite) {
        previousKind = CompletableFuture.allOf(sameKind.toArray(CompletableFuture[]::new));
        sameKind = new ArrayList<>();
      }
      currentIsWrite = isWrite;
      CompletableFuture<Reply> reply = previousKind.thenCompose(ready -> dispatcher.dispatch(session, argv));
      sameKind.add(reply);
      replies.add(reply);
    }
    CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
      BatchResponse.Builder batch = BatchResponse.newBuilder();
      long epochNow = epoch.getAsLong();
      for (CompletableFuture<Reply> reply : replies) {
        batch.addResponses(ReplyProtos.response(
            reply.isCompletedExceptionally() ? Replies.error("ERR internal error") : reply.join(), epochNow));
      }
      responses.onNext(batch.build());
      responses.onCompleted();
    });
  }

  private ClientSession session() {
    // gRPC calls carry no connection state: each call gets a fresh RESP2-like session.
    return new ClientSession("grpc", "grpc", clock.getAsLong());
  }

  private static List<byte[]> argv(CommandRequest request) {
    List<byte[]> argv = new ArrayList<>(request.getArgsCount() + 1);
    argv.add(request.getName().getBytes(StandardCharsets.UTF_8));
    for (ByteString arg : request.getArgsList()) {
      argv.add(arg.toByteArray());
    }
    return argv;
  }

  /** Tells writes from reads, from the catalog. */
  @FunctionalInterface
  public interface CommandKinds {
    boolean isWrite(List<byte[]> argv);
  }
}
