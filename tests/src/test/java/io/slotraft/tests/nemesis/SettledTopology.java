package io.slotraft.tests.nemesis;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.slotraft.tests.consistency.Validity;
import io.slotraft.tests.consistency.Verdict;
import io.slotraft.tests.harness.AdminCli;
import io.slotraft.tests.harness.AdminStatus;
import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * After the faults healed: has the cluster's shape settled, with every shard able to lose a replica?
 * In order, each with a bounded wait:
 * <ol>
 *   <li>no operation runs ({@code slotraft-admin status --json}). One still running {@link
 *       #OPERATIONS_PATIENCE} after the faults healed is stuck: a move on a healthy cluster takes
 *       seconds, a rebalance of a few moves tens of them. It is cancelled (a move rolls back or
 *       finishes, a drain or rebalance stops) so that the rest can be checked, and whether the cancel
 *       ended it within {@link #CANCELLED_PATIENCE} is reported with it;
 *   <li>meta lists exactly the replication factor of voters for every shard, on members, and no learner;
 *   <li>every shard has a leader whose Raft configuration has exactly meta's voters and no learner;
 *   <li>every node runs exactly the replicas meta gives it (a learner rolled back, a source moved
 *       away: stopped), and every voter has applied what its leader had applied when this step began.
 * </ol>
 * Together with {@link VoterWatch}'s samples during the run, a {@value #CHECKER} verdict: no shard
 * was ever left without a quorum of up-to-date voters, as far as the samples and the end can tell.
 */
final class SettledTopology {
  static final String CHECKER = "settled-topology";
  private static final Duration OPERATIONS_PATIENCE = Duration.ofSeconds(90);
  private static final Duration CANCELLED_PATIENCE = Duration.ofSeconds(60);
  private static final Duration CONVERGENCE_PATIENCE = Duration.ofSeconds(30);
  private static final Duration STATUS_RUN_LIMIT = Duration.ofSeconds(45);

  private final ProcessCluster cluster;
  private final AdminCli admin;
  private final RaftGroups groups;
  private final FaultLog log;
  private final List<String> anomalies = new ArrayList<>();

  SettledTopology(ProcessCluster cluster, AdminCli admin, RaftGroups groups, FaultLog log) {
    this.cluster = cluster;
    this.admin = admin;
    this.groups = groups;
    this.log = log;
  }

  /** Meta's status as {@code status --json} gives it; empty when the CLI failed (its output is kept in the admin directory). */
  Optional<AdminStatus> status() throws Exception {
    AdminCli.Run run = admin.start("status", "--json").endWithin(STATUS_RUN_LIMIT);
    return run.code() == 0 ? Optional.of(AdminStatus.parse(run.out())) : Optional.empty();
  }

  Verdict check(VoterWatch watch) throws Exception {
    anomalies.addAll(watch.violations().stream().map(v -> "during the run, fewer voters than the replication factor: "
        + v).toList());
    Optional<AdminStatus> settled = awaitOperationsEnd();
    String operations = accountOfOperations();
    String shape = settled.map(this::checkMeta).orElse("meta's status never read");
    boolean raftAgrees = settled.isPresent() && awaitRaftAgrees(settled.get());
    boolean votersCaughtUp = raftAgrees && awaitVotersCaughtUp(settled.get());
    String summary = operations + "; " + shape + (raftAgrees ? "; Raft's configurations agree" : "")
        + (votersCaughtUp ? "; every node runs exactly its replicas, every voter caught up with its leader" : "")
        + "; during the run: " + watch.summary();
    log.note("topology: " + (anomalies.isEmpty() ? "settled" : "NOT SETTLED: " + anomalies));
    return new Verdict(CHECKER, anomalies.isEmpty() ? Validity.VALID : Validity.INVALID, summary, anomalies);
  }

  /** Step 1: the status once nothing runs (after cancelling what ran too long), or the last read. */
  private Optional<AdminStatus> awaitOperationsEnd() throws Exception {
    Set<Long> seen = new HashSet<>();
    Optional<AdminStatus> status = awaitNoOperations(OPERATIONS_PATIENCE, seen);
    if (status.isEmpty() || status.get().operations().isEmpty()) {
      if (status.isEmpty()) {
        anomalies.add("slotraft-admin status --json failed for " + OPERATIONS_PATIENCE.toSeconds() + " s");
      }
      return status;
    }
    for (AdminStatus.RunningOperation op : status.get().operations()) {
      anomalies.add("stuck: " + op + ", still running " + OPERATIONS_PATIENCE.toSeconds()
          + " s after the faults healed");
      if (op.parentId() == 0) {
        AdminCli.Run cancel = admin.start("cancel", Long.toString(op.id())).endWithin(STATUS_RUN_LIMIT);
        log.note("topology: still running after " + OPERATIONS_PATIENCE.toSeconds() + " s, cancel: " + op + ": exit "
            + cancel.code() + " " + cancel.out().strip() + cancel.err().strip());
      }
    }
    status = awaitNoOperations(CANCELLED_PATIENCE, seen);
    if (status.isPresent() && !status.get().operations().isEmpty()) {
      status.get().operations().forEach(op -> anomalies.add("stuck even when cancelled: " + op + ", still running "
          + CANCELLED_PATIENCE.toSeconds() + " s after the cancel"));
    } else {
      anomalies.add("the stuck operations ended once cancelled");
    }
    return status;
  }

  private Optional<AdminStatus> awaitNoOperations(Duration patience, Set<Long> seen) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    Optional<AdminStatus> last = Optional.empty();
    while (true) {
      Optional<AdminStatus> status = status();
      if (status.isPresent()) {
        last = status;
        for (AdminStatus.RunningOperation op : status.get().operations()) {
          if (seen.add(op.id())) {
            log.note("topology: waiting for " + op);
          }
        }
        if (status.get().operations().isEmpty()) {
          return status;
        }
      }
      if (System.nanoTime() > deadline) {
        return last;
      }
      Thread.sleep(2_000);
    }
  }

  /**
   * How each operation meta keeps ended ({@code operations --all --json}), one line each in the log
   * (so that a failing seed shows what moved when, and how each move ended); counts by status.
   */
  private String accountOfOperations() throws Exception {
    AdminCli.Run run = admin.start("operations", "--all", "--json").endWithin(STATUS_RUN_LIMIT);
    if (run.code() != 0) {
      return "operations unlisted (" + run.err().strip() + ")";
    }
    Map<String, Integer> byStatus = new TreeMap<>();
    for (JsonElement element : JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("operations")) {
      JsonObject op = element.getAsJsonObject();
      String status = op.get("status").getAsString();
      byStatus.merge(status, 1, Integer::sum);
      long parent = op.get("parent_id").getAsLong();
      log.note("topology: operation " + op.get("id").getAsLong() + (parent == 0 ? "" : " (of " + parent + ")") + " "
          + op.get("description").getAsString() + ": " + status + " at " + op.get("step").getAsString() + ": "
          + op.get("detail").getAsString());
    }
    return "operations meta keeps: " + byStatus;
  }

  /** Step 2, on meta's record alone; returns a line describing the shape. */
  private String checkMeta(AdminStatus status) {
    Map<String, Long> voters = status.voterReplicas();
    for (AdminStatus.Shard shard : status.shards()) {
      if (shard.voters().size() != status.replicationFactor() || new HashSet<>(shard.voters()).size()
          != shard.voters().size() || !status.names().containsAll(shard.voters())) {
        anomalies.add("meta gives " + shard.id() + " voters " + shard.voters() + ", not "
            + status.replicationFactor() + " members");
      }
      if (!shard.learners().isEmpty()) {
        anomalies.add("meta still lists learners of " + shard.id() + ": " + shard.learners());
      }
    }
    String draining = status.members().entrySet().stream().filter(e -> e.getValue().draining())
        .map(Map.Entry::getKey).toList().toString();
    return status.shards().size() + " shards x " + status.replicationFactor() + " voters per meta (epoch "
        + status.epoch() + "), replicas per node " + voters + ", draining " + draining;
  }

  /** Step 3: every shard's leader reports meta's voters and no learner. */
  private boolean awaitRaftAgrees(AdminStatus status) throws InterruptedException {
    Map<String, String> lastDisagreement = awaitEmpty(() -> {
      Map<String, String> disagreements = new TreeMap<>();
      for (AdminStatus.Shard shard : status.shards()) {
        Optional<RaftGroups.View> view = groups.view(shard.id());
        if (view.isEmpty()) {
          disagreements.put(shard.id(), "no leader answers");
        } else if (!new HashSet<>(view.get().voters()).equals(new HashSet<>(shard.voters()))
            || !view.get().learners().isEmpty()) {
          disagreements.put(shard.id(), "Raft has voters " + view.get().voters() + " and learners "
              + view.get().learners() + " (leader " + view.get().leader() + "), meta voters " + shard.voters());
        }
      }
      return disagreements;
    });
    lastDisagreement.forEach((shard, what) -> anomalies.add(shard + ", " + CONVERGENCE_PATIENCE.toSeconds()
        + " s after the operations ended: " + what));
    return lastDisagreement.isEmpty();
  }

  /** Step 4: replicas where meta puts them, and caught up with the applied index their leader had at the start. */
  private boolean awaitVotersCaughtUp(AdminStatus status) throws InterruptedException {
    Map<String, Long> leaderApplied = new TreeMap<>();
    for (AdminStatus.Shard shard : status.shards()) {
      groups.view(shard.id()).flatMap(view -> replicas(view.leader()).map(r -> r.get(shard.id())))
          .ifPresent(applied -> leaderApplied.put(shard.id(), applied));
    }
    Map<String, String> lastLag = awaitEmpty(() -> {
      Map<String, String> lag = new TreeMap<>();
      for (NodeProcess node : cluster.nodes()) {
        Optional<Map<String, Long>> running = replicas(node.name());
        Set<String> assigned = new HashSet<>();
        status.shards().stream().filter(s -> s.voters().contains(node.name())).forEach(s -> assigned.add(s.id()));
        if (running.isEmpty()) {
          lag.put(node.name(), "its /status does not answer");
        } else if (!running.get().keySet().equals(assigned)) {
          lag.put(node.name(), "runs replicas of " + new TreeSet<>(running.get().keySet()) + ", meta gives it "
              + new TreeSet<>(assigned));
        } else {
          running.get().forEach((shard, applied) -> {
            Long target = leaderApplied.get(shard);
            if (target == null || applied < target) {
              lag.put(node.name() + "/" + shard, "applied " + applied + ", its leader had " + target);
            }
          });
        }
      }
      return lag;
    });
    lastLag.forEach((where, what) -> anomalies.add(where + ", " + CONVERGENCE_PATIENCE.toSeconds()
        + " s after Raft agreed with meta: " + what));
    return lastLag.isEmpty();
  }

  /** The replicas a node runs, with each one's applied index, from its /status; empty when it does not answer. */
  private Optional<Map<String, Long>> replicas(String nodeName) {
    NodeProcess node = cluster.nodes().stream().filter(n -> n.name().equals(nodeName)).findFirst().orElse(null);
    if (node == null || !node.isAlive()) {
      return Optional.empty();
    }
    return cluster.status(node).map(json -> {
      Map<String, Long> applied = new LinkedHashMap<>();
      for (JsonElement shard : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("shards")) {
        JsonObject replica = shard.getAsJsonObject();
        applied.put(replica.get("shard").getAsString(), replica.get("applied_index").getAsLong());
      }
      return applied;
    });
  }

  /** Polls {@code problems} until it finds none or {@link #CONVERGENCE_PATIENCE} runs out; the last problems found. */
  private static Map<String, String> awaitEmpty(Supplier<Map<String, String>> problems) throws InterruptedException {
    long deadline = System.nanoTime() + CONVERGENCE_PATIENCE.toNanos();
    while (true) {
      Map<String, String> found = problems.get();
      if (found.isEmpty() || System.nanoTime() > deadline) {
        return found;
      }
      Thread.sleep(500);
    }
  }
}
