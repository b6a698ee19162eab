package io.slotraft.node.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.slotraft.node.cluster.ClusterView;
import io.slotraft.proto.v1.Topology;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open {@code WatchTopology} streams of this node. The node's view has no change events (leaders
 * are whatever the Raft replicas last heard), so one thread renders the view every poll interval and
 * sends it to each stream whose last message differs: a leader change reaches watchers within one
 * interval, and an unchanged cluster costs one rendering per interval and no traffic.
 *
 * <p>Every {@code onNext} and the final {@code onError} run on the poll thread, or after it has
 * stopped, because a gRPC stream must not be written from two threads at once. A stream that is not
 * ready (its client reads slowly) is skipped and gets the newest topology once it drains, so a slow
 * watcher never makes the node buffer a backlog of stale topologies.
 */
public final class TopologyWatch implements AutoCloseable {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);
  private static final Logger LOG = LoggerFactory.getLogger(TopologyWatch.class);

  private final Supplier<ClusterView> cluster;
  private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "topology-watch");
    thread.setDaemon(true);
    return thread;
  });

  public TopologyWatch(Supplier<ClusterView> cluster, Duration pollInterval) {
    this.cluster = cluster;
    long millis = pollInterval.toMillis();
    poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Sends the current topology at once, then every change, until the client cancels or the node stops. */
  void subscribe(ServerCallStreamObserver<Topology> stream) {
    Watcher watcher = new Watcher(stream);
    // Both handlers must be set before the service method returns; gRPC refuses them later.
    stream.setOnCancelHandler(() -> watchers.remove(watcher));
    // A stream that was not ready at the last poll gets the newest topology as soon as it drains.
    stream.setOnReadyHandler(() -> sendSoon(watcher));
    watchers.add(watcher);
    if (!sendSoon(watcher)) {
      watchers.remove(watcher);
      stream.onError(Status.UNAVAILABLE.withDescription("node is shutting down").asRuntimeException());
    }
  }

  /** Queues a send on the poll thread; false once the watch is closed. */
  private boolean sendSoon(Watcher watcher) {
    try {
      poller.execute(() -> watcher.sendIfChanged(current()));
      return true;
    } catch (RejectedExecutionException stopped) {
      return false;
    }
  }

  /** How many streams are open, for tests and diagnostics. */
  public int watcherCount() {
    return watchers.size();
  }

  /** Stops polling, then ends every stream with UNAVAILABLE so that clients move to another node. */
  @Override
  public void close() {
    poller.shutdownNow();
    try {
      poller.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Watcher watcher : watchers) {
      watcher.end();
    }
    watchers.clear();
  }

  private void poll() {
    if (watchers.isEmpty()) {
      return;
    }
    try {
      Topology now = current();
      for (Watcher watcher : watchers) {
        watcher.sendIfChanged(now);
      }
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep polling.
      LOG.warn("topology watch poll failed: {}", e.toString());
    }
  }

  private Topology current() {
    return TopologyProtos.topology(cluster.get());
  }

  /** One stream and what it was last sent; touched only by the poll thread. */
  private final class Watcher {
    private final ServerCallStreamObserver<Topology> stream;
    private Topology lastSent;

    Watcher(ServerCallStreamObserver<Topology> stream) {
      this.stream = stream;
    }

    void sendIfChanged(Topology now) {
      if (stream.isCancelled()) {
        watchers.remove(this);
        return;
      }
      if (now.equals(lastSent) || !stream.isReady()) {
        return;
      }
      try {
        stream.onNext(now);
        lastSent = now;
      } catch (RuntimeException e) {
        // The call ended between the check and the write (client gone): nothing more to send it.
        watchers.remove(this);
      }
    }

    void end() {
      try {
        stream.onError(Status.UNAVAILABLE.withDescription("node is shutting down").asRuntimeException());
      } catch (RuntimeException alreadyEnded) {
        // Cancelled by the client at the same moment: nothing to end.
      }
    }
  }
}
