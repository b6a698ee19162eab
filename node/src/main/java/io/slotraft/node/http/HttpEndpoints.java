package io.slotraft.node.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The node's HTTP port: {@code /health} (200 when every local shard has a leader, else 503),
 * {@code /status} (JSON: role per shard, for scripts) and {@code /metrics} (Prometheus text).
 */
public final class HttpEndpoints implements AutoCloseable {
  private final HttpServer server;

  /** What the endpoints render; each supplier is called per request. */
  public record Content(Supplier<Boolean> healthy, Supplier<String> statusJson, Supplier<String> metricsText) {}

  public HttpEndpoints(String host, int port, Content content) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "http-endpoints");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/health", exchange -> {
      boolean healthy = content.healthy().get();
      respond(exchange, healthy ? 200 : 503, "text/plain", healthy ? "ok\n" : "no leader for some shard\n");
    });
    server.createContext("/status", exchange -> respond(exchange, 200, "application/json", content.statusJson().get()));
    server.createContext("/metrics", exchange ->
        respond(exchange, 200, "text/plain; version=0.0.4", content.metricsText().get()));
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
