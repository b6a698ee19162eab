package io.slotraft.node.raft;

import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.option.CliOptions;
import com.alipay.sofa.jraft.rpc.CliRequests.GetLeaderRequest;
import com.alipay.sofa.jraft.rpc.CliRequests.GetLeaderResponse;
import com.alipay.sofa.jraft.rpc.impl.cli.CliClientServiceImpl;
import com.alipay.sofa.jraft.util.Endpoint;
import com.google.protobuf.Message;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leaders of Raft groups that have no replica on this node, so that it can still redirect their
 * slots. It asks the group's peers in turn (JRaft's CLI GetLeader, over the same Bolt transport)
 * and caches the first answer. Asking blocks, so it runs on this class's own thread, never on an
 * I/O thread: callers read the cache and ask for a refresh when it is empty or wrong. Requests for
 * the same group coalesce while one is pending.
 */
public final class RemoteLeaders implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteLeaders.class);
  /** Per peer asked; a dead peer on a live host refuses the connection at once. */
  private static final int ASK_TIMEOUT_MS = 500;

  private volatile Map<String, List<String>> peersByGroup;
  private final Map<String, String> leaders = new ConcurrentHashMap<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final CliClientServiceImpl cli = new CliClientServiceImpl();
  /** The CLI client costs threads: started only once some group is remote. */
  private boolean cliStarted;
  private final ExecutorService asker = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "remote-leaders");
    thread.setDaemon(true);
    return thread;
  });

  /** @param peersByGroup for each remote group id, its peers' Raft endpoints ({@code host:port}) */
  public RemoteLeaders(Map<String, List<String>> peersByGroup) {
    this.peersByGroup = Map.of();
    updateGroups(peersByGroup);
  }

  /**
   * The remote groups from now on (a new meta topology). Leaders of groups no longer remote are
   * forgotten; the rest are kept until the next refresh; groups remote from now on are asked now.
   */
  public synchronized void updateGroups(Map<String, List<String>> groups) {
    if (!groups.isEmpty() && !cliStarted) {
      CliOptions options = new CliOptions();
      options.setTimeoutMs(ASK_TIMEOUT_MS);
      options.setMaxRetry(0);
      options.setRpcProcessorThreadPoolSize(3);
      cli.init(options);
      cliStarted = true;
    }
    Set<String> newlyRemote = new HashSet<>(groups.keySet());
    newlyRemote.removeAll(peersByGroup.keySet());
    this.peersByGroup = Map.copyOf(groups);
    leaders.keySet().retainAll(groups.keySet());
    // A replica that moved off this node leaves its slots without a known leader here: ask at once.
    newlyRemote.forEach(this::refresh);
  }

  /** The leader's Raft endpoint as last learned; empty until learned, or when no peer knew one. */
  public Optional<String> leaderOf(String groupId) {
    return Optional.ofNullable(leaders.get(groupId));
  }

  /** Asks the group's peers again, soon, on this class's thread. */
  public void refresh(String groupId) {
    if (peersByGroup.containsKey(groupId) && pending.add(groupId)) {
      asker.execute(() -> {
        pending.remove(groupId);
        ask(groupId);
      });
    }
  }

  public void refreshAll() {
    peersByGroup.keySet().forEach(this::refresh);
  }

  private void ask(String groupId) {
    List<String> peers = peersByGroup.get(groupId);
    if (peers == null) {
      return; // no longer remote
    }
    for (String peer : peers) {
      Optional<String> leader = askPeer(groupId, peer);
      if (leader.isPresent()) {
        String previous = leaders.put(groupId, leader.get());
        if (!leader.get().equals(previous)) {
          LOG.info("[{}] leader is {} (asked {})", groupId, leader.get(), peer);
        }
        return;
      }
    }
    // No peer knows a leader: redirecting to the old one would send clients to a node that may be dead.
    leaders.remove(groupId);
  }

  private Optional<String> askPeer(String groupId, String peer) {
    Endpoint endpoint = PeerId.parsePeer(peer).getEndpoint();
    try {
      if (!cli.connect(endpoint)) {
        return Optional.empty();
      }
      GetLeaderRequest request = GetLeaderRequest.newBuilder().setGroupId(groupId).setPeerId(peer).build();
      Message reply = cli.getLeader(endpoint, request, null).get(ASK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      if (reply instanceof GetLeaderResponse response && !response.getLeaderId().isEmpty()) {
        return Optional.of(PeerId.parsePeer(response.getLeaderId()).getEndpoint().toString());
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      LOG.debug("[{}] {} did not say who leads: {}", groupId, peer, e.toString());
      return Optional.empty();
    }
  }

  @Override
  public synchronized void close() {
    asker.shutdownNow();
    if (cliStarted) {
      cli.shutdown();
    }
  }
}
