package io.slotraft.node.resp;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.slotraft.node.pipeline.CommandKinds;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.CommandDispatcher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of a node to exercise the network layer: a map for GET and SET, PING, QUIT, and ECHO.
 * SET is answered from another thread after {@code setDelayMs}, as a Raft write would be. ECHOs are
 * answered in swapped pairs from another thread (the second before the first), so replies are
 * certainly completed out of order.
 */
final class InMemoryDispatcher implements CommandDispatcher, AutoCloseable {
  static final CommandKinds CLASSIFIER = argv -> name(argv).equals("SET");

  final Map<String, byte[]> data = new ConcurrentHashMap<>();
  /** What ran, in order: "SET k started", "SET k done", "GET k". */
  final List<String> events = new CopyOnWriteArrayList<>();
  final AtomicInteger dispatched = new AtomicInteger();
  volatile long setDelayMs;

  private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
  private CompletableFuture<Reply> heldEcho;
  private byte[] heldEchoText;

  @Override
  public CompletableFuture<Reply> dispatch(ClientSession session, List<byte[]> argv) {
    dispatched.incrementAndGet();
    switch (name(argv)) {
      case "PING":
        return CompletableFuture.completedFuture(Replies.PONG);
      case "QUIT":
        session.requestClose();
        return CompletableFuture.completedFuture(Replies.OK);
      case "GET":
        events.add("GET " + key(argv));
        return CompletableFuture.completedFuture(Replies.bulk(data.get(key(argv))));
      case "SET":
        return set(key(argv), argv.get(2));
      case "ECHO":
        return echo(argv.get(1));
      default:
        return CompletableFuture.completedFuture(Replies.error("ERR unknown command"));
    }
  }

  private CompletableFuture<Reply> set(String key, byte[] value) {
    events.add("SET " + key + " started");
    CompletableFuture<Reply> done = new CompletableFuture<>();
    executor.schedule(() -> {
      data.put(key, value);
      events.add("SET " + key + " done");
      done.complete(Replies.OK);
    }, setDelayMs, TimeUnit.MILLISECONDS);
    return done;
  }

  private synchronized CompletableFuture<Reply> echo(byte[] text) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    if (heldEcho == null) {
      heldEcho = reply;
      heldEchoText = text;
      return reply;
    }
    CompletableFuture<Reply> first = heldEcho;
    byte[] firstText = heldEchoText;
    heldEcho = null;
    executor.schedule(() -> {
      reply.complete(Replies.bulk(text));
      first.complete(Replies.bulk(firstText));
    }, ThreadLocalRandom.current().nextInt(500), TimeUnit.MICROSECONDS);
    return reply;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static String key(List<byte[]> argv) {
    return new String(argv.get(1), UTF_8);
  }

  static String name(List<byte[]> argv) {
    return new String(argv.get(0), UTF_8).toUpperCase();
  }
}
