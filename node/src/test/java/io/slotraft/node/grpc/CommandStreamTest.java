package io.slotraft.node.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.slotraft.node.pipeline.CommandKinds;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.CommandDispatcher;
import io.slotraft.proto.v1.CommandBatch;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.ReplyBatch;
import io.slotraft.proto.v1.StreamCommand;
import io.slotraft.proto.v1.StreamReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Stream RPC against a dispatcher whose answers the test gives by hand, and a call that records
 * what the service does with it. The reply executor runs in place, so every step is deterministic.
 */
class CommandStreamTest {
  /** SET, APPEND and BLPOP write; BLPOP is unordered; the lane is the key's first letter, so keys a.. and b.. order apart. */
  private static final CommandKinds KINDS = new CommandKinds() {
    @Override
    public boolean isWrite(List<byte[]> argv) {
      return List.of("SET", "APPEND", "BLPOP").contains(word(argv, 0));
    }

    @Override
    public int lane(List<byte[]> argv) {
      return word(argv, 0).equals("BLPOP") ? UNORDERED : argv.size() < 2 ? BARRIER : word(argv, 1).charAt(0);
    }
  };

  /** Every command waits until the test answers it by its text. */
  private static final class HandDispatcher implements CommandDispatcher {
    final Map<String, CompletableFuture<Reply>> dispatched = new LinkedHashMap<>();

    @Override
    public CompletableFuture<Reply> dispatch(ClientSession session, List<byte[]> argv) {
      CompletableFuture<Reply> reply = new CompletableFuture<>();
      dispatched.put(argv.stream().map(a -> new String(a, StandardCharsets.UTF_8)).collect(Collectors.joining(" ")),
          reply);
      return reply;
    }

    void answer(String command, Reply reply) {
      dispatched.get(command).complete(reply);
    }
  }

  private final HandDispatcher dispatcher = new HandDispatcher();
  private final RecordingCall call = new RecordingCall();

  private StreamObserver<CommandBatch> open(int maxInHand) {
    ClientGrpcService service = new ClientGrpcService(dispatcher, KINDS, () -> 0L, () -> 7L, Runnable::run, maxInHand);
    return service.stream(call);
  }

  @Test
  void aReadWaitsForTheWriteBeforeItOnItsKeyWhileOtherKeysGoAhead() {
    StreamObserver<CommandBatch> stream = open(100);
    stream.onNext(batch("SET a1 x", "GET a1", "GET b1"));
    assertEquals(List.of("SET a1 x", "GET b1"), List.copyOf(dispatcher.dispatched.keySet()));

    dispatcher.answer("GET b1", Replies.bulk("old"));
    dispatcher.answer("SET a1 x", Replies.OK);
    assertEquals(List.of("SET a1 x", "GET b1", "GET a1"), List.copyOf(dispatcher.dispatched.keySet()));
    dispatcher.answer("GET a1", Replies.bulk("x"));
    assertEquals(List.of(2L, 0L, 1L), call.answeredIds(), "answered as they finished, by id");
  }

  @Test
  void aBlockingCommandHoldsBackNeitherItsKeysReadsNorKeylessCommands() {
    StreamObserver<CommandBatch> stream = open(100);
    stream.onNext(batch("BLPOP a1 0", "GET a1", "PING"));
    assertEquals(List.of("BLPOP a1 0", "GET a1"), List.copyOf(dispatcher.dispatched.keySet()));
    dispatcher.answer("GET a1", Replies.bulk("x"));
    assertEquals(List.of("BLPOP a1 0", "GET a1", "PING"), List.copyOf(dispatcher.dispatched.keySet()));
    dispatcher.answer("PING", Replies.simple("PONG"));
    assertEquals(List.of(1L, 2L), call.answeredIds(), "answered while BLPOP still waits");
  }

  @Test
  void beyondItsBoundAStreamAnswersTryAgainAndReadsNoMoreUntilThereIsRoom() {
    StreamObserver<CommandBatch> stream = open(2);
    stream.onNext(batch("GET a1", "GET b1", "GET c1"));
    ReplyBatch busy = call.sent.get(0);
    assertEquals(2, busy.getReplies(0).getId());
    assertTrue(busy.getReplies(0).getResponse().getRoutingError().getTryAgain().getReason().startsWith("busy"));
    assertEquals(1, call.requested, "only the first request message was asked for");

    dispatcher.answer("GET a1", Replies.bulk("1"));
    assertEquals(2, call.requested, "room again: the next message is read");
  }

  @Test
  void repliesWaitWhileTheCallIsNotReadyAndGoTogetherWhenItIs() {
    StreamObserver<CommandBatch> stream = open(100);
    call.ready = false;
    stream.onNext(batch("GET a1", "GET b1"));
    dispatcher.answer("GET a1", Replies.bulk("1"));
    dispatcher.answer("GET b1", Replies.bulk("2"));
    assertEquals(0, call.sent.size());

    call.ready = true;
    call.onReady.run();
    assertEquals(1, call.sent.size());
    assertEquals(2, call.sent.get(0).getRepliesCount());
  }

  @Test
  void afterTheClientsLastBatchTheStreamEndsOnceEverythingIsAnswered() {
    StreamObserver<CommandBatch> stream = open(100);
    stream.onNext(batch("SET a1 x"));
    stream.onCompleted();
    assertEquals(false, call.completed);
    dispatcher.answer("SET a1 x", Replies.OK);
    assertEquals(true, call.completed);
  }

  private static CommandBatch batch(String... commands) {
    CommandBatch.Builder batch = CommandBatch.newBuilder();
    for (int i = 0; i < commands.length; i++) {
      String[] words = commands[i].split(" ");
      CommandRequest.Builder request = CommandRequest.newBuilder().setName(words[0]);
      for (int w = 1; w < words.length; w++) {
        request.addArgs(ByteString.copyFromUtf8(words[w]));
      }
      batch.addCommands(StreamCommand.newBuilder().setId(i).setCommand(request));
    }
    return batch.build();
  }

  private static String word(List<byte[]> argv, int index) {
    return new String(argv.get(index), StandardCharsets.UTF_8);
  }

  /** What the service did with its call: replies sent, messages requested, readiness as the test sets it. */
  private static final class RecordingCall extends ServerCallStreamObserver<ReplyBatch> {
    final List<ReplyBatch> sent = new ArrayList<>();
    int requested;
    boolean ready = true;
    boolean completed;
    Runnable onReady = () -> { };

    List<Long> answeredIds() {
      return sent.stream().flatMap(batch -> batch.getRepliesList().stream()).map(StreamReply::getId).toList();
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public void setOnCancelHandler(Runnable handler) {
    }

    @Override
    public void setCompression(String compression) {
    }

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public void setOnReadyHandler(Runnable handler) {
      onReady = handler;
    }

    @Override
    public void disableAutoInboundFlowControl() {
    }

    @Override
    public void disableAutoRequest() {
    }

    @Override
    public void request(int count) {
      requested += count;
    }

    @Override
    public void setMessageCompression(boolean enable) {
    }

    @Override
    public void onNext(ReplyBatch value) {
      sent.add(value);
    }

    @Override
    public void onError(Throwable t) {
    }

    @Override
    public void onCompleted() {
      completed = true;
    }
  }
}
