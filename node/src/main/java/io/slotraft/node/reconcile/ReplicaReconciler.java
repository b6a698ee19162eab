package io.slotraft.node.reconcile;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.ConfigAgreement;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.metagroup.MetaSource;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.shard.Shard;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this node to meta's topology, one pass at a time: read meta, start the replicas it assigns
 * here that are not running ({@link ReplicaPlan}), retire the ones it no longer assigns (a move took
 * them away: they are out of their Raft group before meta stops listing them), and publish the
 * topology and the running replicas to routing. A node meta does not list asks to join and waits. The node runs one blocking pass before it opens its client ports, then a pass every
 * second on its own thread, so a replica that failed to start is tried again and a new epoch is
 * picked up. Passes never run concurrently.
 */
public final class ReplicaReconciler implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaReconciler.class);
  /** How often meta is asked again while the node waits for it at start. */
  private static final long WAIT_RETRY_MS = 250;
  private static final long WAIT_LOG_EVERY_MS = 10_000;
  /** A join that got no answer is asked again this often (it is idempotent). */
  private static final long JOIN_RETRY_NANOS = TimeUnit.SECONDS.toNanos(3);

  /** Starts (or restarts from its directory) this node's replica of one shard. */
  @FunctionalInterface
  public interface ReplicaStarter {
    Shard start(ShardPlacement shard, ClusterTopology topology) throws IOException;
  }

  /**
   * Stops this node's replica of a shard meta took away and sets its data aside; also sets aside
   * directories of shards neither assigned nor running (left by a crash between the two).
   */
  public interface ReplicaRetirer {
    /** @throws RetireDeferred when the replica's data must stay a while longer (the next pass asks again) */
    void retire(Shard running) throws IOException;

    /** Sets aside every shard directory whose shard id {@code keep} refuses. */
    void retireStale(Predicate<String> keep) throws IOException;
  }

  /**
   * Follows meta's own membership: starts this node's meta replica when meta lists it as a voter or
   * learner, retires it when meta lists it as neither. Called at the start of every pass.
   */
  @FunctionalInterface
  public interface MetaMembership {
    void follow(ClusterTopology topology) throws IOException;
  }

  /** Told after a pass that changed the topology or the running replicas; called on the pass's thread. */
  @FunctionalInterface
  public interface TopologyListener {
    void changed(ClusterTopology topology, List<Shard> localShards);
  }

  private final ClusterMember self;
  private final ClusterTopology configured;
  private final MetaSource meta;
  private final ReplicaStarter starter;
  private final ReplicaRetirer retirer;
  private final Runnable join;
  private final MetaMembership metaMembership;
  private final TopologyListener listener;
  /** This node's replicas by shard id, in start order; touched only by passes. */
  private final Map<String, Shard> running = new LinkedHashMap<>();
  private ClusterTopology published = ClusterTopology.NONE;
  private volatile MetaState lastRead = MetaState.EMPTY;
  private final AtomicBoolean passRequested = new AtomicBoolean();

  /**
   * @param configured the plan this node's own settings would bootstrap, to report disagreement
   * @param join asks meta to make this node a member (without waiting); called while meta lists it not
   */
  public ReplicaReconciler(ClusterMember self, ClusterTopology configured, MetaSource meta, ReplicaStarter starter,
      ReplicaRetirer retirer, Runnable join, MetaMembership metaMembership, TopologyListener listener) {
    this.self = self;
    this.configured = configured;
    this.meta = meta;
    this.starter = starter;
    this.retirer = retirer;
    this.join = join;
    this.metaMembership = metaMembership;
    this.listener = listener;
  }

  /**
   * The first pass, before the node serves: waits until meta has a topology, then starts every
   * replica it assigns here.
   *
   * @throws IllegalStateException when meta has no topology within {@code timeout}, or does not list
   *     this node
   */
  public synchronized ClusterTopology awaitFirstPass(Duration timeout, List<ClusterMember> metaMembers) {
    long start = System.nanoTime();
    long nextLog = 0;
    long nextJoin = start;
    while (true) {
      Optional<MetaState> state = meta.read();
      if (state.isPresent() && state.get().bootstrapped()) {
        lastRead = state.get();
        ClusterTopology topology = state.get().topology();
        Optional<ClusterMember> recorded = topology.member(self.nodeId());
        if (recorded.isPresent() && !recorded.get().equals(self)) {
          throw new IllegalStateException("meta records node " + self.name() + " (" + self.nodeId() + ") at "
              + address(recorded.get()) + ", not at this node's " + address(self) + "; start it with the address "
              + "it joined with");
        }
        if (recorded.isPresent()) {
          reportDisagreement(topology);
          pass(topology);
          return topology;
        }
        if (System.nanoTime() >= nextJoin) {
          LOG.info("meta does not list this node ({} members: {}): asking to join", topology.members().size(),
              names(topology.members()));
          join.run();
          nextJoin = System.nanoTime() + JOIN_RETRY_NANOS;
        }
      }
      long waitedMs = (System.nanoTime() - start) / 1_000_000;
      if (waitedMs >= timeout.toMillis()) {
        throw new IllegalStateException("no topology from meta after " + timeout.toSeconds() + " s (asked "
            + meta.describe() + "): meta answers once a majority of its members " + names(metaMembers)
            + " is running and they reach each other on their Raft ports; raise --meta-wait-secs to wait longer");
      }
      if (waitedMs >= nextLog) {
        LOG.info("waiting for meta's topology before serving (asking {}; {} of at most {} s waited)", meta.describe(),
            waitedMs / 1000, timeout.toSeconds());
        nextLog = waitedMs + WAIT_LOG_EVERY_MS;
      }
      sleep(WAIT_RETRY_MS);
    }
  }

  /** One background pass; failures are logged and the next pass tries again. */
  @Override
  public synchronized void run() {
    try {
      Optional<MetaState> state = meta.read();
      if (state.isEmpty() || !state.get().bootstrapped()) {
        return; // meta unreachable for now: keep serving the last topology
      }
      lastRead = state.get();
      if (state.get().epoch() != published.epoch()) {
        reportDisagreement(state.get().topology());
      }
      pass(state.get().topology());
    } catch (RuntimeException e) {
      LOG.warn("reconciling with meta failed: {}", e.toString());
    }
  }

  /** The meta state of the last successful read, for /status and INFO. */
  /**
   * Runs a pass soon on {@code executor}, besides the periodic ones: meta applied a new epoch on
   * this node. Requests made while one is waiting make one pass.
   */
  public void requestPass(Executor executor) {
    if (passRequested.compareAndSet(false, true)) {
      try {
        executor.execute(() -> {
          passRequested.set(false);
          run();
        });
      } catch (RejectedExecutionException e) {
        passRequested.set(false); // the node is stopping: no more passes
      }
    }
  }

  public MetaState lastRead() {
    return lastRead;
  }

  private void pass(ClusterTopology topology) {
    try {
      metaMembership.follow(topology);
    } catch (IOException | RuntimeException e) {
      LOG.error("cannot follow meta's own membership (next pass tries again): {}", e.toString());
    }
    ReplicaPlan plan = ReplicaPlan.of(topology.placement(), self.nodeId(), running.keySet());
    boolean started = false;
    for (ShardPlacement shard : plan.toStart()) {
      try {
        running.put(shard.shardId(), starter.start(shard, topology));
        started = true;
      } catch (IOException | RuntimeException e) {
        LOG.error("[{}] cannot start this node's replica (next pass tries again): {}", shard.shardId(), e.toString());
      }
    }
    if (started) {
      LOG.info("running {} replicas as meta assigns them at epoch {}", running.size(), topology.epoch());
    }
    boolean retired = false;
    for (String shardId : plan.unassigned()) {
      Shard leaving = running.get(shardId);
      try {
        retirer.retire(leaving);
        running.remove(shardId);
        retired = true;
        LOG.info("[{}] meta assigns this shard's replica elsewhere since epoch {}: stopped and set aside", shardId,
            topology.epoch());
      } catch (RetireDeferred e) {
        LOG.info("[{}] not retired yet: {}", shardId, e.getMessage());
      } catch (IOException | RuntimeException e) {
        LOG.error("[{}] cannot retire this node's replica (next pass tries again): {}", shardId, e.toString());
      }
    }
    if (started || retired || !topology.equals(published)) {
      try {
        Set<String> here = new HashSet<>(running.keySet());
        topology.placement().shardsRunningOn(self.nodeId()).forEach(shard -> here.add(shard.shardId()));
        // A shard meta does not know at all is a split's new one whose seed the old shard just wrote
        // here, before meta recorded the split: its only copy of that state on this node.
        retirer.retireStale(id -> here.contains(id) || topology.placement().shard(id).isEmpty());
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot set aside directories of shards no longer here: {}", e.toString());
      }
    }
    if (started || retired || !topology.equals(published)) {
      published = topology;
      listener.changed(topology, List.copyOf(running.values()));
    }
  }

  private void reportDisagreement(ClusterTopology topology) {
    List<String> differences = ConfigAgreement.differences(topology, configured);
    if (!differences.isEmpty()) {
      LOG.warn("this node's configuration differs from the topology meta recorded; following meta: {}",
          String.join("; ", differences));
    }
  }

  private static String address(ClusterMember member) {
    return member.host() + ":" + member.respPort() + ":" + member.grpcPort() + ":" + member.raftPort() + ":"
        + member.httpPort();
  }

  private static List<String> names(List<ClusterMember> members) {
    return members.stream().map(ClusterMember::name).toList();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for meta", e);
    }
  }

  /** A replica that may not be retired yet, by design (not a failure): the next pass asks again. */
  public static final class RetireDeferred extends IOException {
    public RetireDeferred(String why) {
      super(why);
    }
  }
}
