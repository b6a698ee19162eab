package io.slotraft.tests.nemesis;

import com.google.gson.JsonParser;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.slotraft.proto.v1.ClusterPlan;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.proto.v1.MetaServiceGrpc;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.ProposeRequest;
import io.slotraft.tests.harness.AdminCli;
import io.slotraft.tests.harness.NodeProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Replicas moving for as long as the run lasts, under whatever fault the plan has in force: first a
 * rebalance (the node that joined holds nothing yet; asked again until meta takes it), then, one
 * after another, the {@link ReshapeChoices} drawn from the seed against meta's plan as read just
 * before, each asked of {@code slotraft-admin} as an operator would, through a random running node,
 * with a bounded {@code --wait-secs}. Cancels go to meta directly ({@code MetaService.Propose}, what
 * {@code slotraft-admin cancel} sends): a CLI's JVM takes a second or two to start, and a move left
 * alone is done in a few, so the CLI's cancel would mostly come too late to roll anything back.
 *
 * <p>The admin command failing is part of the game, not a failure of the run: meta out of reach
 * behind a partition, a move refused because another changes the shard, a wait that runs out. Each
 * outcome is logged and counted. What must hold is judged elsewhere: the workload's history, and once
 * the run is over, {@link SettledTopology} (every operation ended, every shard with its voters).
 * An operation still running when the churn stops runs on; the CLI following it is stopped.
 */
final class ReplicaMoveChurn implements Fault {
  private static final int PAUSE_MS = 1_500;
  /** Past its --wait-secs, the CLI may still spend a meta read's and a proposal's deadline (20 s each). */
  private static final int CLI_GRACE_SECS = 45;
  /** Once the run is over, how long the CLI may go on following what it started. */
  private static final long STOP_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int CANCEL_ATTEMPTS = 3;
  private static final String META_UNREACHABLE = "meta unreachable";
  private static final String KILLED = "CLI killed (it outlived its wait)";

  private final long seed;
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final Map<String, AdminCli> clis = new HashMap<>();
  private volatile boolean running;
  private volatile long stoppedAtNanos;
  private Thread thread;

  ReplicaMoveChurn(long seed) {
    this.seed = seed;
  }

  @Override
  public String describe() {
    return "replica moves (seed " + seed + ")";
  }

  @Override
  public void begin(FaultTarget target) {
    Random random = new Random(seed);
    running = true;
    thread = new Thread(() -> reshapeUntilEnded(target, random), "replica-move-churn");
    thread.setDaemon(true);
    thread.start();
    target.log().note("replica moves start");
  }

  private void reshapeUntilEnded(FaultTarget target, Random random) {
    boolean rebalancedOnce = false;
    while (running) {
      List<NodeProcess> nodes = target.cluster().nodes().stream().filter(NodeProcess::isAlive).toList();
      if (!nodes.isEmpty()) {
        NodeProcess via = nodes.get(random.nextInt(nodes.size()));
        Optional<ReshapeAction> action = !rebalancedOnce ? Optional.of(ReshapeAction.rebalance())
            : readPlan(via, target).map(plan -> ReshapeChoices.next(plan, random));
        if (action.isPresent()) {
          String outcome = carryOut(action.get(), via, target);
          rebalancedOnce |= !outcome.equals(META_UNREACHABLE) && !outcome.equals(KILLED);
        }
      }
      try {
        Thread.sleep(PAUSE_MS / 2 + random.nextInt(PAUSE_MS));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Meta's plan through {@code via}, as the CLI would read it; empty (logged, counted) when meta does not answer. */
  private Optional<ClusterPlan> readPlan(NodeProcess via, FaultTarget target) {
    ManagedChannel channel = NettyChannelBuilder.forAddress(via.host(), via.grpcPort()).usePlaintext().build();
    try {
      return Optional.of(MetaServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
          .getMetaState(GetMetaStateRequest.newBuilder().setAskingNodeId("nemesis").build()).getPlan());
    } catch (StatusRuntimeException e) {
      count("meta unreadable");
      target.log().note("reshape: meta unreadable through " + via.name() + ": " + e.getStatus().getCode());
      return Optional.empty();
    } finally {
      channel.shutdownNow();
    }
  }

  /** Runs the action and returns its outcome, as counted. */
  private String carryOut(ReshapeAction action, NodeProcess via, FaultTarget target) {
    AdminCli cli = clis.computeIfAbsent(via.name(),
        name -> new AdminCli(target.directory().resolve("admin").resolve(name), via));
    target.log().note("reshape: " + action.description() + " through " + via.name());
    String outcome;
    try {
      AdminCli.Run run = follow(cli.start(action.command(), action.cliArguments().toArray(String[]::new)),
          action.waitSecs());
      outcome = action.cancelled() && run.code() == 0 ? "started" : outcome(run);
      target.log().note("reshape: " + action.description() + ": " + outcome + lastWords(run));
      if (action.cancelled() && run.code() == 0) {
        Thread.sleep(action.cancelAfterMs());
        cancel(operationId(run), action, target);
      }
    } catch (IOException e) {
      outcome = "CLI not started";
      target.log().note("reshape: " + action.description() + ": the CLI did not start: " + e.getMessage());
    } catch (RuntimeException e) {
      // An output this class cannot read: noted, and the churn goes on rather than dying silently.
      outcome = "UNREADABLE OUTPUT (a bug of this test)";
      target.log().note("reshape: " + action.description() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    count(action.command() + ": " + outcome);
    return outcome;
  }

  /**
   * Asks meta to cancel operation {@code id} through any running node, again (up to {@value
   * #CANCEL_ATTEMPTS} times) while meta is out of reach; "not cancelled" (it had ended) is an answer.
   * Also when the run is over by now: a drain left to finish would leave its node draining for good.
   */
  private void cancel(long id, ReshapeAction action, FaultTarget target) throws InterruptedException {
    for (int attempt = 1; attempt <= CANCEL_ATTEMPTS; attempt++) {
      List<NodeProcess> nodes = target.cluster().nodes().stream().filter(NodeProcess::isAlive).toList();
      if (nodes.isEmpty()) {
        Thread.sleep(1_000);
        continue;
      }
      NodeProcess via = nodes.get((int) ((id + attempt) % nodes.size()));
      ManagedChannel channel = NettyChannelBuilder.forAddress(via.host(), via.grpcPort()).usePlaintext().build();
      try {
        ProposeReply reply = MetaServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
            .propose(ProposeRequest.newBuilder().setCommand(MetaEntries.cancelOperation(id)).build());
        String outcome = reply.getChanged() ? "requested" : "not cancelled";
        count("cancel: " + outcome);
        target.log().note("reshape: cancel " + id + " (" + action.description() + ") through " + via.name() + ": "
            + outcome + " (" + reply.getDescription() + ")");
        return;
      } catch (StatusRuntimeException e) {
        count("cancel: " + META_UNREACHABLE);
        target.log().note("reshape: cancel " + id + " (" + action.description() + ") through " + via.name() + ": "
            + META_UNREACHABLE + " (" + e.getStatus() + ")");
        Thread.sleep(1_000);
      } finally {
        channel.shutdownNow();
      }
    }
  }

  /**
   * Waits for the CLI to end by itself: within its {@code --wait-secs} and the deadlines of its calls
   * to meta, or, once the run is over, within {@link #STOP_PATIENCE_NANOS}; kills it otherwise.
   */
  private AdminCli.Run follow(AdminCli.Running cli, int waitSecs) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSecs + CLI_GRACE_SECS);
    while (!cli.awaitEnd(Duration.ofSeconds(1))) {
      long now = System.nanoTime();
      if (now > deadline || (!running && now - stoppedAtNanos > STOP_PATIENCE_NANOS)) {
        break;
      }
    }
    return cli.endWithin(Duration.ZERO);
  }

  /** What became of a run, in a few words to count by. */
  private static String outcome(AdminCli.Run run) {
    String err = run.err();
    if (run.code() == 0) {
      return "done";
    } else if (run.code() == AdminCli.KILLED) {
      return KILLED;
    } else if (run.code() == 2) {
      return "BAD USAGE (a bug of this test)";
    } else if (err.contains("refused")) {
      return "refused";
    } else if (err.contains("cannot read meta") || err.contains("cannot change meta")) {
      return META_UNREACHABLE;
    } else if (err.contains("still running after")) {
      return "still running when the wait ran out";
    } else if (err.contains("was cancelled")) {
      return "cancelled";
    } else if (err.contains("failed")) {
      return "failed";
    }
    return "exit " + run.code();
  }

  /** The line that says why: the CLI's stderr, else its last line of output. */
  private static String lastWords(AdminCli.Run run) {
    String text = run.err().isBlank() ? run.out().strip() : run.err().strip();
    if (text.isEmpty() || text.startsWith("{")) {
      return "";
    }
    String line = text.lines().reduce((a, b) -> b).orElse("");
    return " (" + (line.length() > 300 ? line.substring(0, 300) + "..." : line) + ")";
  }

  /** The id in the document {@code --wait-secs 0 --json} prints: {@code {"operation": {"id": ...}, ...}}. */
  private static long operationId(AdminCli.Run run) {
    return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("operation").get("id").getAsLong();
  }

  private synchronized void count(String outcome) {
    outcomes.merge(outcome, 1, Integer::sum);
  }

  @Override
  public void end(FaultTarget target) throws InterruptedException {
    stoppedAtNanos = System.nanoTime();
    running = false;
    thread.join(TimeUnit.SECONDS.toMillis(CLI_GRACE_SECS));
    synchronized (this) {
      target.log().note("replica moves stop: " + outcomes);
    }
  }
}
