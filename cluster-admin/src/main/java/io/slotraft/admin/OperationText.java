package io.slotraft.admin;

import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.SplitShardSpec;
import io.slotraft.proto.v1.StepRecord;
import java.util.List;

/** How an operation reads: "move s3 n1 -> n4", its status word, a table of several, one progress line. */
final class OperationText {
  private OperationText() {}

  /** The kind as scripts see it in JSON: move_replica, drain_node, rebalance, rebuild_replica, split_shard, merge_shards. */
  static String kind(OperationSpec spec) {
    return switch (spec.getKindCase()) {
      case MOVE_REPLICA -> "move_replica";
      case DRAIN_NODE -> "drain_node";
      case REBALANCE -> "rebalance";
      case REBUILD_REPLICA -> "rebuild_replica";
      case SPLIT_SHARD -> "split_shard";
      case MERGE_SHARDS -> "merge_shards";
      case KIND_NOT_SET -> "unknown";
    };
  }

  static String describe(OperationSpec spec, MetaView view) {
    return switch (spec.getKindCase()) {
      case MOVE_REPLICA -> {
        MoveReplicaSpec move = spec.getMoveReplica();
        yield "move " + move.getShardId() + " " + view.name(move.getFromNodeId()) + " -> "
            + view.name(move.getToNodeId());
      }
      case DRAIN_NODE -> "drain " + view.name(spec.getDrainNode().getNodeId());
      case REBALANCE -> spec.getRebalance().getPlanned()
          ? "rebalance, " + spec.getRebalance().getMovesCount() + " moves" : "rebalance";
      case REBUILD_REPLICA -> "rebuild " + spec.getRebuildReplica().getShardId() + " on "
          + view.name(spec.getRebuildReplica().getNodeId());
      case SPLIT_SHARD -> {
        SplitShardSpec split = spec.getSplitShard();
        yield "split " + split.getShardId() + (split.getSplitSlot() < 0 ? " where its keys halve"
            : " at slot " + split.getSplitSlot()) + (split.getNewShardId().isEmpty() ? "" : " -> " + split.getNewShardId())
            + (split.getReason().isEmpty() ? "" : " (" + split.getReason() + ")");
      }
      case MERGE_SHARDS -> "merge " + spec.getMergeShards().getSourceShardId() + " into "
          + spec.getMergeShards().getTargetShardId();
      // A kind newer than this CLI: meta knows it, the CLI can only say so.
      case KIND_NOT_SET -> "an operation this slotraft-admin does not know";
    };
  }

  /** running, cancelling (running with a cancel asked for), succeeded, failed or cancelled. */
  static String status(Operation op) {
    if (op.getStatus() == OperationStatus.OPERATION_RUNNING) {
      return op.getCancelRequested() ? "cancelling" : "running";
    }
    return statusWord(op.getStatus());
  }

  static String statusWord(OperationStatus status) {
    return switch (status) {
      case OPERATION_RUNNING -> "running";
      case OPERATION_SUCCEEDED -> "succeeded";
      case OPERATION_FAILED -> "failed";
      case OPERATION_CANCELLED -> "cancelled";
      case OPERATION_STATUS_UNSPECIFIED, UNRECOGNIZED -> "unknown";
    };
  }

  /** "#12 move s3 n1 -> n4: CATCH_UP 40.0/100.0 MiB 40%", with the status once it is not plain running. */
  static String line(Operation op, MetaView view) {
    String status = status(op);
    String progress = Units.progress(op.getBytesDone(), op.getBytesTotal());
    return "#" + op.getId() + " " + describe(op.getSpec(), view) + ": " + op.getStep()
        + (status.equals("running") ? "" : " " + status) + (progress.equals("-") ? "" : " " + progress);
  }

  /**
   * One row per operation; with {@code history}, each one's finished steps under it, timed from the
   * operation's start.
   */
  static Table table(List<Operation> operations, MetaView view, long nowMs, boolean history) {
    Table table = new Table("ID", "PARENT", "OPERATION", "STEP", "STATUS", "PROGRESS", "AGE", "DETAIL");
    for (Operation op : operations) {
      table.row(op.getId(), op.getParentId() == 0 ? "-" : op.getParentId(), describe(op.getSpec(), view),
          op.getStep().isEmpty() ? "-" : op.getStep(), status(op), Units.progress(op.getBytesDone(), op.getBytesTotal()),
          op.getStartedAtMs() == 0 ? "-" : Units.duration(nowMs - op.getStartedAtMs()), op.getDetail());
      if (history) {
        int width = op.getHistoryList().stream().mapToInt(s -> s.getStep().length()).max().orElse(0);
        for (StepRecord step : op.getHistoryList()) {
          table.note(("    " + pad(step.getStep(), width) + "  " + Units.offset(step.getAtMs() - op.getStartedAtMs())
              + "  " + step.getDetail()).stripTrailing());
        }
      }
    }
    return table;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
