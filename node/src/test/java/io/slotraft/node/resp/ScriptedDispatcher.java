package io.slotraft.node.resp;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.slotraft.node.pipeline.CommandKinds;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.CommandDispatcher;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dispatcher whose commands stay pending until the test completes them, except the connection
 * commands it answers at once as the node would: PING, QUIT (asks to close) and HELLO 3.
 */
final class ScriptedDispatcher implements CommandDispatcher {
  static final CommandKinds CLASSIFIER = argv -> Set.of("SET", "DEL", "INCR").contains(name(argv));

  /** One dispatched command and the future the test completes. */
  record Call(String line, CompletableFuture<Reply> future) {
    void reply(Reply reply) {
      future.complete(reply);
    }
  }

  /** Written on the event loop, read by the test thread. */
  final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public CompletableFuture<Reply> dispatch(ClientSession session, List<byte[]> argv) {
    String line = String.join(" ", argv.stream().map(arg -> new String(arg, UTF_8)).toList());
    switch (name(argv)) {
      case "PING":
        calls.add(new Call(line, null));
        return CompletableFuture.completedFuture(Replies.PONG);
      case "QUIT":
        calls.add(new Call(line, null));
        session.requestClose();
        return CompletableFuture.completedFuture(Replies.OK);
      case "HELLO":
        calls.add(new Call(line, null));
        session.setProtocol(3);
        return CompletableFuture.completedFuture(
            new Reply.MapReply(List.of(Replies.bulk("proto"), Replies.integer(3))));
      case "CRASH":
        throw new IllegalStateException("a bug in a handler");
      default:
        CompletableFuture<Reply> future = new CompletableFuture<>();
        calls.add(new Call(line, future));
        return future;
    }
  }

  Call call(int index) {
    return calls.get(index);
  }

  List<String> lines() {
    return calls.stream().map(Call::line).toList();
  }

  static String name(List<byte[]> argv) {
    return new String(argv.get(0), UTF_8).toUpperCase();
  }
}
