package io.slotraft.node.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.CommandDispatcher;
import io.slotraft.proto.v1.BatchRequest;
import io.slotraft.proto.v1.BatchResponse;
import io.slotraft.proto.v1.CommandRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gRPC service's own rules, with a dispatcher that records what reaches it. */
class ClientGrpcServiceTest {

  /** Answers reads later (on another thread) and writes at once; records the order of dispatch. */
  private static final class RecordingDispatcher implements CommandDispatcher {
    final List<String> dispatched = Collections.synchronizedList(new ArrayList<>());

    @Override
    public CompletableFuture<Reply> dispatch(ClientSession session, List<byte[]> argv) {
      String command = String.join(" ", argv.stream().map(a -> new String(a, StandardCharsets.UTF_8)).toList());
      dispatched.add(command);
      if (command.startsWith("BOOM")) {
        return CompletableFuture.failedFuture(new IllegalStateException("boom"));
      }
      if (command.startsWith("GET")) {
        return CompletableFuture.supplyAsync(() -> Replies.bulk(command),
            CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
      }
      return CompletableFuture.completedFuture(Replies.OK);
    }
  }

  private static List<BatchResponse> run(ClientGrpcService service, BatchRequest batch) throws Exception {
    CountDownLatch answered = new CountDownLatch(1);
    List<BatchResponse> responses = new ArrayList<>();
    service.executeBatch(batch, new StreamObserver<>() {
      @Override
      public void onNext(BatchResponse value) {
        responses.add(value);
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        answered.countDown();
      }
    });
    answered.await(10, TimeUnit.SECONDS);
    return responses;
  }

  @Test
  void aCommandThatFailsDoesNotLeaveTheRestOfTheBatchUnanswered() throws Exception {
    RecordingDispatcher dispatcher = new RecordingDispatcher();
    ClientGrpcService service = new ClientGrpcService(dispatcher, argv -> !new String(argv.get(0),
        StandardCharsets.UTF_8).equals("GET"), () -> 0L, () -> 1L, ForkJoinPool.commonPool());
    List<BatchResponse> responses = run(service, BatchRequest.newBuilder().addCommands(request("BOOM"))
        .addCommands(request("GET", "x")).addCommands(request("SET", "a", "1")).build());
    assertEquals(1, responses.size(), "answered");
    assertEquals("ERR internal error", responses.get(0).getResponses(0).getReply().getError());
    assertEquals(List.of("BOOM", "GET x", "SET a 1"), dispatcher.dispatched);
  }

  private static CommandRequest request(String... words) {
    CommandRequest.Builder request = CommandRequest.newBuilder().setName(words[0]);
    for (int i = 1; i < words.length; i++) {
      request.addArgs(ByteString.copyFromUtf8(words[i]));
    }
    return request.build();
  }

  /**
   * Writes after a read wait for it, all together; they must still reach the dispatcher in the
   * batch's order, or SET a 1; SET a 2 could leave a = 1 (CompletableFuture runs dependents of one
   * future in no promised order).
   */
  @Test
  void commandsOfABatchAreDispatchedInTheBatchsOrder() throws Exception {
    RecordingDispatcher dispatcher = new RecordingDispatcher();
    ClientGrpcService service = new ClientGrpcService(dispatcher, argv -> !new String(argv.get(0),
        StandardCharsets.UTF_8).equals("GET"), () -> 0L, () -> 1L, ForkJoinPool.commonPool());
    BatchRequest.Builder batch = BatchRequest.newBuilder().addCommands(request("GET", "x"));
    List<String> expected = new ArrayList<>(List.of("GET x"));
    for (int i = 0; i < 20; i++) {
      batch.addCommands(request("SET", "a", Integer.toString(i)));
      expected.add("SET a " + i);
    }
    batch.addCommands(request("GET", "a"));
    expected.add("GET a");
    List<BatchResponse> responses = run(service, batch.build());
    assertEquals(expected, dispatcher.dispatched);
    assertEquals(22, responses.get(0).getResponsesCount());
  }
}
