package io.slotraft.tests.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Looks at every shard's Raft configuration a few times a second for as long as the run lasts: a
 * configuration with fewer voters than the replication factor, even for a moment, is a shard one
 * fault away from losing its quorum, which a move must never cause (it adds the new voter before the
 * old one leaves). Samples the leader cannot answer (no leader during a fault) are skipped; a node
 * that is down still counts as a voter, as it does for Raft.
 */
final class VoterWatch implements AutoCloseable {
  private static final long INTERVAL_MS = 500;
  private static final int KEPT_VIOLATIONS = 10;

  private final RaftGroups groups;
  private final List<String> shards;
  private final int replicationFactor;
  private final FaultLog log;
  private final Map<String, Integer> fewest = new TreeMap<>();
  private final Map<String, Integer> most = new TreeMap<>();
  private final List<String> violations = new ArrayList<>();
  private volatile boolean running = true;
  private int samples;
  private int unanswered;
  private int violationCount;
  private final Thread thread;

  VoterWatch(RaftGroups groups, List<String> shards, int replicationFactor, FaultLog log) {
    this.groups = groups;
    this.shards = List.copyOf(shards);
    this.replicationFactor = replicationFactor;
    this.log = log;
    this.thread = new Thread(this::watch, "voter-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * A round asks every shard at once, one thread each: a leader that is paused costs its shard's look
   * the Raft CLI's timeout, and would otherwise cost every shard after it as much.
   */
  private void watch() {
    ExecutorService lookers = Executors.newFixedThreadPool(shards.size(), runnable -> {
      Thread looker = new Thread(runnable, "voter-watch-look");
      looker.setDaemon(true);
      return looker;
    });
    try {
      while (running) {
        List<Callable<Void>> looks = shards.stream().<Callable<Void>>map(shard -> () -> {
          groups.view(shard).ifPresentOrElse(view -> record(shard, view), this::recordUnanswered);
          return null;
        }).toList();
        lookers.invokeAll(looks);
        Thread.sleep(INTERVAL_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lookers.shutdownNow();
    }
  }

  private synchronized void record(String shard, RaftGroups.View view) {
    samples++;
    int voters = view.voters().size();
    fewest.merge(shard, voters, Math::min);
    most.merge(shard, voters, Math::max);
    if (voters < replicationFactor) {
      String violation = String.format("%.3fs %s: %d voters %s (learners %s, leader %s)", log.now() / 1e9, shard,
          voters, view.voters(), view.learners(), view.leader());
      log.note("FEWER VOTERS THAN THE REPLICATION FACTOR: " + violation);
      if (++violationCount <= KEPT_VIOLATIONS) {
        violations.add(violation);
      }
    }
  }

  private synchronized void recordUnanswered() {
    unanswered++;
  }

  /** Samples that found fewer voters than the replication factor (the first few), empty when none did. */
  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  synchronized String summary() {
    return samples + " samples of Raft configurations (" + unanswered + " unanswered), " + violationCount
        + " with fewer voters than " + replicationFactor + "; voters per shard fewest " + fewest + ", most " + most;
  }

  /** Stops after the current round of samples (each leader's answer is bounded by RaftGroups' timeout). */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(30_000);
  }
}
