package io.slotraft.node.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.slotraft.node.pipeline.CommandKinds;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.CommandDispatcher;
import io.slotraft.node.statemachine.ClientSequence;
import io.slotraft.proto.v1.BatchRequest;
import io.slotraft.proto.v1.BatchResponse;
import io.slotraft.proto.v1.CommandBatch;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.ReplyBatch;
import io.slotraft.proto.v1.RequestSequence;
import io.slotraft.proto.v1.SlotraftClientGrpc;
import io.slotraft.proto.v1.StreamCommand;
import io.slotraft.proto.v1.StreamReply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The gRPC face of the command path: each request becomes argv for the same dispatcher the RESP port
 * uses. Execute runs one command. ExecuteBatch and Stream go through a {@link CommandPipeline}, which
 * keeps the connection discipline RESP keeps (a read sees the writes sent before it); ExecuteBatch
 * answers once, in request order, a stream answers by id as commands finish.
 */
public final class ClientGrpcService extends SlotraftClientGrpc.SlotraftClientImplBase {
  /** Commands one stream may have in hand: far above a client's own bound, small enough to cost little memory. */
  public static final int MAX_IN_HAND_PER_STREAM = 4096;

  private final CommandDispatcher dispatcher;
  private final CommandKinds kinds;
  private final LongSupplier clock;
  private final LongSupplier epoch;
  private final Executor replyExecutor;
  private final int maxInHandPerStream;

  /**
   * @param epoch the node's topology epoch, stamped on routing errors that do not carry one
   * @param replyExecutor encodes and sends batches of replies, so that the threads finishing
   *     commands (Raft apply threads) never do
   */
  public ClientGrpcService(CommandDispatcher dispatcher, CommandKinds kinds, LongSupplier clock, LongSupplier epoch,
      Executor replyExecutor) {
    this(dispatcher, kinds, clock, epoch, replyExecutor, MAX_IN_HAND_PER_STREAM);
  }

  ClientGrpcService(CommandDispatcher dispatcher, CommandKinds kinds, LongSupplier clock, LongSupplier epoch,
      Executor replyExecutor, int maxInHandPerStream) {
    this.dispatcher = dispatcher;
    this.kinds = kinds;
    this.clock = clock;
    this.epoch = epoch;
    this.replyExecutor = replyExecutor;
    this.maxInHandPerStream = maxInHandPerStream;
  }

  @Override
  public void execute(CommandRequest request, StreamObserver<CommandResponse> responses) {
    ClientSession session = new ClientSession("grpc", "grpc", clock.getAsLong());
    List<byte[]> argv = CommandPipeline.argv(request);
    CompletableFuture<Reply> reply = request.hasSequence() ? sequenced(session, argv, request.getSequence())
        : dispatcher.dispatch(session, argv);
    BiConsumer<Reply, Throwable> answer = (done, failure) -> {
      responses.onNext(ReplyProtos.response(failure == null ? done : Replies.error("ERR internal error"),
          epoch.getAsLong()));
      responses.onCompleted();
    };
    // An answer already there (a redirect, a cached reply) goes at once; a later one is encoded on
    // the reply executor, not on the Raft apply thread that completes it.
    if (reply.isDone()) {
      reply.whenComplete(answer);
    } else {
      reply.whenCompleteAsync(answer, replyExecutor);
    }
  }

  @Override
  public void executeBatch(BatchRequest request, StreamObserver<BatchResponse> responses) {
    int count = request.getCommandsCount();
    if (count == 0) {
      responses.onNext(BatchResponse.getDefaultInstance());
      responses.onCompleted();
      return;
    }
    CommandResponse[] answers = new CommandResponse[count];
    int[] answered = {0};
    CommandPipeline pipeline = new CommandPipeline(dispatcher, kinds, clock, epoch, replyExecutor, count,
        new CommandPipeline.Output() {
          @Override
          public boolean isReady() {
            return true; // gathered here and sent once, in request order
          }

          @Override
          public void send(List<StreamReply> replies) {
            for (StreamReply reply : replies) {
              answers[(int) reply.getId()] = reply.getResponse();
            }
            answered[0] += replies.size();
            if (answered[0] == count) {
              responses.onNext(BatchResponse.newBuilder().addAllResponses(List.of(answers)).build());
              responses.onCompleted();
            }
          }

          @Override
          public void readMore() {
          }
        });
    List<StreamCommand> commands = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      commands.add(StreamCommand.newBuilder().setId(i).setCommand(request.getCommands(i)).build());
    }
    pipeline.accept(commands);
  }

  @Override
  public StreamObserver<CommandBatch> stream(StreamObserver<ReplyBatch> replies) {
    ServerCallStreamObserver<ReplyBatch> call = (ServerCallStreamObserver<ReplyBatch>) replies;
    CommandStream stream = new CommandStream(call);
    stream.pipeline = new CommandPipeline(dispatcher, kinds, clock, epoch, replyExecutor, maxInHandPerStream,
        stream);
    call.disableAutoRequest();
    call.setOnReadyHandler(stream.pipeline::onReady);
    call.setOnCancelHandler(stream.pipeline::close);
    call.request(1);
    return stream;
  }

  private CompletableFuture<Reply> sequenced(ClientSession session, List<byte[]> argv, RequestSequence sequence) {
    ClientSequence client;
    try {
      client = new ClientSequence(sequence.getClientId(), sequence.getSequence(), sequence.getFirstUnanswered());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          Replies.error("ERR invalid request sequence: " + e.getMessage()));
    }
    return dispatcher.dispatch(session, argv, client);
  }

  /**
   * One client stream: batches in, batches out. Reads one request message at a time and asks for the
   * next only while the pipeline has room, so gRPC's flow control holds back a client that sends
   * faster than its commands finish or than it reads its replies.
   */
  private static final class CommandStream implements StreamObserver<CommandBatch>, CommandPipeline.Output {
    private final ServerCallStreamObserver<ReplyBatch> call;
    private CommandPipeline pipeline;

    CommandStream(ServerCallStreamObserver<ReplyBatch> call) {
      this.call = call;
    }

    @Override
    public void onNext(CommandBatch batch) {
      pipeline.accept(batch.getCommandsList());
    }

    @Override
    public void onError(Throwable error) {
      pipeline.close();
    }

    @Override
    public void onCompleted() {
      // The client sends no more; the commands in hand are still answered, then the stream ends.
      pipeline.halfClose(call::onCompleted);
    }

    @Override
    public boolean isReady() {
      return call.isReady();
    }

    @Override
    public void send(List<StreamReply> replies) {
      if (!call.isCancelled()) {
        call.onNext(ReplyBatch.newBuilder().addAllReplies(replies).build());
      }
    }

    @Override
    public void readMore() {
      call.request(1);
    }
  }
}
