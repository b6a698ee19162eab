package io.slotraft.node.resp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.ServerStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RESP port over real sockets, against a dispatcher that only keeps a map. */
class RespServerTest {
  private final InMemoryDispatcher dispatcher = new InMemoryDispatcher();
  private final ServerStats stats = new ServerStats(0);
  private final Set<ClientSession> clients = ConcurrentHashMap.newKeySet();
  private RespServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    dispatcher.close();
  }

  @Test
  void aThousandPipelinedCommandsAreAnsweredInOrderThoughCompletedOutOfOrder() throws Exception {
    start(RespServices.DEFAULT_MAX_IN_FLIGHT);
    try (RespTestClient client = new RespTestClient(server.port())) {
      for (int i = 0; i < 1000; i++) {
        client.queue("*2\r\n$4\r\nECHO\r\n$" + String.valueOf(i).length() + "\r\n" + i + "\r\n");
      }
      client.flush();
      for (int i = 0; i < 1000; i++) {
        assertEquals("$" + i, client.readReply());
      }
    }
  }

  @Test
  void garbageGetsAProtocolErrorAndACloseWhileAnotherClientCarriesOn() throws Exception {
    start(RespServices.DEFAULT_MAX_IN_FLIGHT);
    try (RespTestClient bad = new RespTestClient(server.port());
        RespTestClient good = new RespTestClient(server.port())) {
      bad.send("PING\r\n*1\r\n$x\r\n\u0000\u00ff garbage");
      assertEquals("+PONG", bad.readReply());
      assertEquals("-ERR Protocol error: invalid bulk length", bad.readReply());
      assertTrue(bad.closedByServer());

      good.send("SET k v\r\nGET k\r\n");
      assertEquals("+OK", good.readReply());
      assertEquals("$v", good.readReply());
    }
  }

  @Test
  void aReadPipelinedAfterASlowWriteIsDispatchedOnlyOnceTheWriteIsDone() throws Exception {
    start(RespServices.DEFAULT_MAX_IN_FLIGHT);
    dispatcher.setDelayMs = 200;
    try (RespTestClient client = new RespTestClient(server.port())) {
      client.send("SET k v\r\nGET k\r\n");
      assertEquals("+OK", client.readReply());
      assertEquals("$v", client.readReply());
      assertEquals(List.of("SET k started", "SET k done", "GET k"), dispatcher.events);
    }
  }

  @Test
  void quitIsAnsweredThenTheConnectionCloses() throws Exception {
    start(RespServices.DEFAULT_MAX_IN_FLIGHT);
    try (RespTestClient client = new RespTestClient(server.port())) {
      client.send("PING\r\nQUIT\r\nPING\r\n");
      assertEquals("+PONG", client.readReply());
      assertEquals("+OK", client.readReply());
      assertTrue(client.closedByServer());
    }
    assertEquals(2, dispatcher.dispatched.get(), "the PING after QUIT never ran");
  }

  @Test
  void connectionsAreCountedAndListedWhileOpen() throws Exception {
    start(RespServices.DEFAULT_MAX_IN_FLIGHT);
    try (RespTestClient client = new RespTestClient(server.port())) {
      client.send("PING\r\n");
      assertEquals("+PONG", client.readReply());
      assertEquals(1, clients.size());
      assertEquals(1, stats.connectionsReceived());
    }
    waitUntil(clients::isEmpty);
  }

  /**
   * 100 000 GETs of a 1 KiB value, sent while the client reads nothing for half a second: ~100 MB
   * of replies if the server kept answering. It must stop dispatching once the outbound buffer is
   * full; what the kernel's socket buffers absorb before that (about 5 MB, some 5 000 replies, on
   * Linux defaults) is the only slack. Then everything is served once the client reads.
   */
  @Test
  void aClientThatPipelinesAHundredThousandCommandsWithoutReadingIsThrottled() throws Exception {
    start(RespServices.DEFAULT_MAX_IN_FLIGHT);
    byte[] value = new byte[1024];
    Arrays.fill(value, (byte) 'x');
    dispatcher.data.put("big", value);
    int commands = 100_000;
    try (RespTestClient client = new RespTestClient(server.port())) {
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> sendGets(client, commands));
      Thread.sleep(500);
      int dispatchedWhileNotReading = dispatcher.dispatched.get();
      assertTrue(dispatchedWhileNotReading < 20_000,
          dispatchedWhileNotReading + " commands dispatched to a client that reads nothing");

      String expected = "$" + new String(value, ISO_8859_1);
      for (int i = 0; i < commands; i++) {
        assertEquals(expected, client.readReply(), "reply " + i);
      }
      writer.get(30, TimeUnit.SECONDS);
    }
  }

  private void start(int maxInFlight) {
    server = new RespServer("127.0.0.1", 0, 2,
        new RespServices(dispatcher, InMemoryDispatcher.CLASSIFIER, stats, clients, maxInFlight));
    server.start();
  }

  private static void sendGets(RespTestClient client, int count) {
    try {
      for (int i = 0; i < count; i++) {
        client.queue("GET big\r\n");
      }
      client.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out");
      Thread.sleep(5);
    }
  }
}
