package io.slotraft.tests.nemesis;

import java.util.ArrayList;
import java.util.List;

/**
 * One change of where replicas live or of the shards themselves, as an operator asks {@code
 * slotraft-admin} for it: a replica move, a rebalance, a drain, a split or a merge; followed by the CLI
 * for a bounded time, or cancelled a moment after it started (a move rolls back, a drain stops and
 * clears its mark, a merge not yet committed lets its source go).
 *
 * @param description e.g. "move s3 n1 -> n4", for the fault log
 * @param waitSecs the CLI's {@code --wait-secs}; 0 for one that is cancelled
 * @param cancelAfterMs how long after its start the operation is cancelled; 0: never
 */
record ReshapeAction(String description, String command, List<String> arguments, int waitSecs, long cancelAfterMs) {
  /**
   * A move of a small replica takes seconds, a rebalance of a few moves tens of seconds, far longer
   * when a fault holds them up. The CLI stops following before then, and the next action may start
   * while they run on: operations overlap, as they do when an operator is impatient.
   */
  static final int MOVE_WAIT_SECS = 5;
  static final int REBALANCE_WAIT_SECS = 10;

  static ReshapeAction move(String shard, String from, String to) {
    return new ReshapeAction("move " + shard + " " + from + " -> " + to, "move-replica", List.of(shard, from, to),
        MOVE_WAIT_SECS, 0);
  }

  static ReshapeAction moveThenCancel(String shard, String from, String to, long cancelAfterMs) {
    return new ReshapeAction("move " + shard + " " + from + " -> " + to + ", cancelled after " + cancelAfterMs + " ms",
        "move-replica", List.of(shard, from, to), 0, cancelAfterMs);
  }

  /** A split of {@code shard} where its keys halve: one step, done in a second or two without a fault. */
  static ReshapeAction split(String shard) {
    return new ReshapeAction("split " + shard, "split", List.of(shard), MOVE_WAIT_SECS, 0);
  }

  /** A merge of two neighbours: a few steps, and moves first when their replicas are apart. */
  static ReshapeAction merge(String target, String source) {
    return new ReshapeAction("merge " + source + " into " + target, "merge", List.of(target, source, "--yes"),
        REBALANCE_WAIT_SECS, 0);
  }

  static ReshapeAction mergeThenCancel(String target, String source, long cancelAfterMs) {
    return new ReshapeAction("merge " + source + " into " + target + ", cancelled after " + cancelAfterMs + " ms",
        "merge", List.of(target, source, "--yes"), 0, cancelAfterMs);
  }

  static ReshapeAction rebalance() {
    return new ReshapeAction("rebalance", "rebalance", List.of("--yes"), REBALANCE_WAIT_SECS, 0);
  }

  static ReshapeAction drainThenCancel(String node, long cancelAfterMs) {
    return new ReshapeAction("drain " + node + ", cancelled after " + cancelAfterMs + " ms", "drain",
        List.of(node, "--yes"), 0, cancelAfterMs);
  }

  boolean cancelled() {
    return cancelAfterMs > 0;
  }

  /**
   * The CLI's arguments after the command: followed for {@link #waitSecs}; or, for one to be
   * cancelled, not followed at all ({@code --wait-secs 0}), with {@code --json} to learn its id.
   */
  List<String> cliArguments() {
    List<String> line = new ArrayList<>(arguments);
    line.addAll(List.of("--wait-secs", Integer.toString(waitSecs)));
    if (cancelled()) {
      line.add("--json");
    }
    return line;
  }
}
