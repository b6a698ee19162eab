package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.cluster.ClusterView;
import java.util.Collection;
import java.util.Map;

/** What session commands may ask of the node they run on. */
public interface NodeServices {

  CommandCatalog catalog();

  /** The cluster as this node sees it now. */
  ClusterView cluster();

  ServerStats stats();

  /** The node's parameters, for CONFIG GET and SET. */
  ConfigTable config();

  /** Every open client connection on this node, for CLIENT LIST. */
  Collection<ClientSession> clients();

  /** Live keys of {@code slot} in this node's replica of its shard (a Redis node counts its own keys). */
  long countKeysInSlot(int slot);

  /** Up to {@code count} live keys of {@code slot} in this node's replica of its shard. */
  java.util.List<byte[]> keysInSlot(int slot, int count);

  /** This node's wall clock, for TIME and INFO. */
  long nowMs();

  /**
   * Named sections of facts only the running node knows, for INFO: e.g. "server" → {tcp_port=7001,
   * run_id=...}, "persistence", "replication", "keyspace" ({@code db0 → keys=..,expires=..}), "memory".
   * Keys are INFO field names; values their printed form.
   */
  Map<String, Map<String, String>> infoFacts();
}
