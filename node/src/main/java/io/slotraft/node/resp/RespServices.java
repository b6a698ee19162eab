package io.slotraft.node.resp;

import io.slotraft.node.pipeline.CommandKinds;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.CommandDispatcher;
import io.slotraft.node.session.ServerStats;
import java.util.Objects;
import java.util.Set;

/**
 * What every RESP connection needs from the node.
 *
 * @param dispatcher runs commands
 * @param kinds tells writes from reads, for the per-connection ordering rule
 * @param stats counts accepted connections
 * @param clients the node's open connections (CLIENT LIST); must be thread-safe, e.g.
 *     {@code ConcurrentHashMap.newKeySet()}, as connections come and go on several threads
 * @param maxInFlight commands a connection may have unanswered before its socket stops being read
 */
public record RespServices(CommandDispatcher dispatcher, CommandKinds kinds, ServerStats stats,
    Set<ClientSession> clients, int maxInFlight) {
  /** Far above redis-benchmark's -P 16, small enough that a flood costs little memory. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 1024;

  public RespServices {
    Objects.requireNonNull(dispatcher, "dispatcher");
    Objects.requireNonNull(kinds, "kinds");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(clients, "clients");
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
    }
  }

  public RespServices(CommandDispatcher dispatcher, CommandKinds kinds, ServerStats stats,
      Set<ClientSession> clients) {
    this(dispatcher, kinds, stats, clients, DEFAULT_MAX_IN_FLIGHT);
  }
}
