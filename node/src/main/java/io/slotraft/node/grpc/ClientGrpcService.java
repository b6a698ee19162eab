package io.slotraft.node.grpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.statemachine.ClientSequence;
import io.slotraft.node.session.CommandDispatcher;
import io.slotraft.proto.v1.BatchRequest;
import io.slotraft.proto.v1.BatchResponse;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.RequestSequence;
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
    dispatch(session(), request, argv(request)).whenComplete((reply, failure) -> {
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
    List<CommandRequest> commands = request.getCommandsList();
    // Each command's argv is built once, for telling its kind and for running it.
    List<List<byte[]>> argvs = new ArrayList<>(commands.size());
    boolean[] isWrite = new boolean[commands.size()];
    for (int i = 0; i < isWrite.length; i++) {
      argvs.add(argv(commands.get(i)));
      isWrite[i] = kinds.isWrite(argvs.get(i));
    }
    for (int start = 0; start < commands.size(); ) {
      int end = start + 1;
      while (end < commands.size() && isWrite[end] == isWrite[start]) {
        end++;
      }
      // One callback dispatches the whole run of same-kind commands, in the batch's order: futures
      // promise no order among the dependents of one future.
      List<CompletableFuture<Reply>> run = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        run.add(new CompletableFuture<>());
      }
      int first = start;
      // whenComplete, not thenRun: a failed command earlier must not leave the rest unanswered.
      previousKind.whenComplete((ready, earlierFailure) -> {
        for (int i = 0; i < run.size(); i++) {
          CompletableFuture<Reply> slot = run.get(i);
          try {
            dispatch(session, commands.get(first + i), argvs.get(first + i)).whenComplete((reply, failure) -> {
              if (failure == null) {
                slot.complete(reply);
              } else {
                slot.completeExceptionally(failure);
              }
            });
          } catch (RuntimeException e) {
            slot.completeExceptionally(e);
          }
        }
      });
      replies.addAll(run);
      previousKind = CompletableFuture.allOf(run.toArray(CompletableFuture[]::new));
      start = end;
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

  /** Runs one request, with its client sequence when it carries one (a write the client may retry). */
  private CompletableFuture<Reply> dispatch(ClientSession session, CommandRequest request, List<byte[]> argv) {
    if (!request.hasSequence()) {
      return dispatcher.dispatch(session, argv);
    }
    RequestSequence sequence = request.getSequence();
    ClientSequence client;
    try {
      client = new ClientSequence(sequence.getClientId(), sequence.getSequence(), sequence.getFirstUnanswered());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(Replies.error("ERR invalid request sequence: " + e.getMessage()));
    }
    return dispatcher.dispatch(session, argv, client);
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
