package io.slotraft.node.resp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.ServerStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The connection handler on an in-memory channel: the test decides when each command's future
 * completes, so every ordering below is exact rather than left to timing.
 */
class RespConnectionHandlerTest {
  private final ScriptedDispatcher dispatcher = new ScriptedDispatcher();
  private final ServerStats stats = new ServerStats(0);
  private final Set<ClientSession> clients = ConcurrentHashMap.newKeySet();
  private FlushCounter flushes;
  private EmbeddedChannel channel = connect(RespServices.DEFAULT_MAX_IN_FLIGHT);

  @Test
  void repliesGoOutInRequestOrderWhateverOrderTheyAreAnsweredIn() {
    send("GET a", "GET b", "GET c");
    assertEquals(List.of("GET a", "GET b", "GET c"), dispatcher.lines(), "reads run together");
    answer(2, Replies.bulk("C"));
    assertEquals("", written());
    answer(0, Replies.bulk("A"));
    assertEquals("$1\r\nA\r\n", written());
    answer(1, Replies.bulk("B"));
    assertEquals("$1\r\nB\r\n$1\r\nC\r\n", written());
  }

  @Test
  void aReadWaitsForAnEarlierWriteOfTheSameConnection() {
    send("SET k v", "GET k", "GET j");
    assertEquals(List.of("SET k v"), dispatcher.lines(), "the read must not overtake the write");
    answer(0, Replies.OK);
    assertEquals(List.of("SET k v", "GET k", "GET j"), dispatcher.lines());
    answer(1, Replies.bulk("v"));
    answer(2, Replies.NIL);
    assertEquals("+OK\r\n$1\r\nv\r\n$-1\r\n", written());
  }

  @Test
  void aWriteWaitsForEarlierReadsAndWritesRunTogether() {
    send("GET k", "SET k 1", "INCR k", "GET k");
    assertEquals(List.of("GET k"), dispatcher.lines());
    answer(0, Replies.NIL);
    assertEquals(List.of("GET k", "SET k 1", "INCR k"), dispatcher.lines(), "writes run together");
    answer(1, Replies.OK);
    assertEquals(3, dispatcher.calls.size(), "the last read waits for every earlier write");
    answer(2, Replies.integer(2));
    answer(3, Replies.bulk("2"));
    assertEquals("$-1\r\n+OK\r\n:2\r\n$1\r\n2\r\n", written());
  }

  @Test
  void repliesReadyDuringOneReadShareOneWriteAndOneFlush() {
    send("PING", "PING", "PING", "PING");
    assertEquals(1, channel.outboundMessages().size());
    assertEquals(1, flushes.count);
    assertEquals("+PONG\r\n".repeat(4), written());
  }

  @Test
  void quitIsAnsweredThenTheConnectionClosesAndLaterCommandsNeverRun() {
    send("GET k", "QUIT", "SET k v");
    assertEquals(List.of("GET k", "QUIT"), dispatcher.lines());
    assertTrue(channel.isOpen(), "the GET before QUIT is still owed its reply");
    answer(0, Replies.bulk("x"));
    assertEquals("$1\r\nx\r\n+OK\r\n", written());
    assertFalse(channel.isOpen());
    assertEquals(List.of("GET k", "QUIT"), dispatcher.lines());
  }

  @Test
  void aProtocolErrorIsAnsweredAfterTheEarlierRepliesThenTheConnectionCloses() {
    send("GET k");
    channel.writeInbound(new RespProtocolError("Protocol error: invalid bulk length"));
    assertEquals("", written());
    assertFalse(channel.config().isAutoRead(), "nothing more is read after a protocol error");
    answer(0, Replies.bulk("v"));
    assertEquals("$1\r\nv\r\n-ERR Protocol error: invalid bulk length\r\n", written());
    assertFalse(channel.isOpen());
  }

  @Test
  void aCommandThatFailsIsAnsweredInternalErrorAndTheConnectionGoesOn() {
    send("GET k", "CRASH", "PING");
    dispatcher.call(0).future().completeExceptionally(new IllegalStateException("lost"));
    channel.runPendingTasks();
    assertEquals("-ERR internal error\r\n-ERR internal error\r\n+PONG\r\n", written());
    assertTrue(channel.isOpen());
  }

  @Test
  void helloSwitchesTheProtocolForItsOwnReplyAndLaterOnesButNotEarlierOnes() {
    send("GET k", "HELLO 3", "GET j");
    answer(0, Reply.Nil.BULK);
    answer(2, Reply.Nil.BULK);
    assertEquals("$-1\r\n%1\r\n$5\r\nproto\r\n:3\r\n_\r\n", written());
  }

  @Test
  void readingStopsWithTooManyCommandsUnansweredAndResumesHalfWayDown() {
    channel = connect(4);
    send("GET 0", "GET 1", "GET 2");
    assertTrue(channel.config().isAutoRead());
    send("GET 3", "GET 4");
    assertFalse(channel.config().isAutoRead());
    assertEquals(4, dispatcher.calls.size(), "no more than maxInFlight commands are dispatched");
    answer(0, Replies.NIL);
    channel.runPendingTasks();
    assertEquals(5, dispatcher.calls.size(), "writing a reply made room for the waiting command");
    assertFalse(channel.config().isAutoRead());
    answer(1, Replies.NIL);
    answer(2, Replies.NIL);
    channel.runPendingTasks();
    assertTrue(channel.config().isAutoRead());
  }

  @Test
  void theSessionIsListedAndCountedWhileConnected() {
    assertEquals(1, clients.size());
    assertEquals(1, stats.connectionsReceived());
    channel.close();
    assertTrue(clients.isEmpty());
  }

  private EmbeddedChannel connect(int maxInFlight) {
    if (channel != null) {
      channel.close();
    }
    RespServices services = new RespServices(dispatcher, ScriptedDispatcher.CLASSIFIER, stats, clients, maxInFlight);
    flushes = new FlushCounter();
    return new EmbeddedChannel(flushes, new RespConnectionHandler(services));
  }

  /** Feeds decoded commands as one read, then runs the tasks that completions queued. */
  private void send(String... lines) {
    Object[] commands = new Object[lines.length];
    for (int i = 0; i < lines.length; i++) {
      List<byte[]> argv = new ArrayList<>();
      for (String word : lines[i].split(" ")) {
        argv.add(word.getBytes(UTF_8));
      }
      commands[i] = argv;
    }
    channel.writeInbound(commands);
    channel.runPendingTasks();
  }

  /** Completes a dispatched command off the event loop, then lets its answer hop onto the loop. */
  private void answer(int call, Reply reply) {
    dispatcher.call(call).reply(reply);
    channel.runPendingTasks();
  }

  /** Everything written since the last call. */
  private String written() {
    channel.runPendingTasks();
    StringBuilder text = new StringBuilder();
    for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
      text.append(buf.toString(UTF_8));
      buf.release();
    }
    return text.toString();
  }

  private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
    int count;

    @Override
    public void flush(ChannelHandlerContext ctx) {
      count++;
      ctx.flush();
    }
  }

}
