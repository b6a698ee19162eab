package io.slotraft.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.StepRecord;
import java.util.List;

/**
 * An operation as {@code --json} shows it. Nodes appear by name and by id ({@link Json#node}); times
 * are the proposers' wall-clock milliseconds, 0 when not yet set.
 */
final class OperationJson {
  private OperationJson() {}

  static JsonObject of(Operation op, MetaView view) {
    JsonObject json = new JsonObject();
    json.addProperty("id", op.getId());
    json.addProperty("parent_id", op.getParentId());
    json.addProperty("kind", OperationText.kind(op.getSpec()));
    json.addProperty("description", OperationText.describe(op.getSpec(), view));
    json.add("spec", spec(op.getSpec(), view));
    json.addProperty("step", op.getStep());
    json.addProperty("status", OperationText.statusWord(op.getStatus()));
    json.addProperty("cancel_requested", op.getCancelRequested());
    json.addProperty("detail", op.getDetail());
    json.addProperty("bytes_done", op.getBytesDone());
    json.addProperty("bytes_total", op.getBytesTotal());
    json.addProperty("started_at_ms", op.getStartedAtMs());
    json.addProperty("updated_at_ms", op.getUpdatedAtMs());
    json.addProperty("finished_at_ms", op.getFinishedAtMs());
    JsonArray history = new JsonArray();
    for (StepRecord step : op.getHistoryList()) {
      JsonObject record = new JsonObject();
      record.addProperty("step", step.getStep());
      record.addProperty("at_ms", step.getAtMs());
      record.addProperty("detail", step.getDetail());
      history.add(record);
    }
    json.add("history", history);
    return json;
  }

  static JsonArray of(List<Operation> operations, MetaView view) {
    JsonArray array = new JsonArray();
    operations.forEach(op -> array.add(of(op, view)));
    return array;
  }

  /** The kind's own fields; a rebalance's plan once its first step recorded it. */
  private static JsonObject spec(OperationSpec spec, MetaView view) {
    JsonObject json = new JsonObject();
    switch (spec.getKindCase()) {
      case MOVE_REPLICA -> {
        MoveReplicaSpec move = spec.getMoveReplica();
        json.addProperty("shard_id", move.getShardId());
        Json.node(json, "from", move.getFromNodeId(), view);
        Json.node(json, "to", move.getToNodeId(), view);
        json.addProperty("from_was_preferred", move.getFromWasPreferred());
      }
      case DRAIN_NODE -> {
        Json.node(json, "node", spec.getDrainNode().getNodeId(), view);
        json.addProperty("max_concurrent_moves", spec.getDrainNode().getMaxConcurrentMoves());
      }
      case REBALANCE -> {
        json.addProperty("max_concurrent_moves", spec.getRebalance().getMaxConcurrentMoves());
        json.addProperty("planned", spec.getRebalance().getPlanned());
        json.add("plan", PlanText.json(spec.getRebalance(), view));
      }
      case REBUILD_REPLICA -> {
        json.addProperty("shard_id", spec.getRebuildReplica().getShardId());
        Json.node(json, "node", spec.getRebuildReplica().getNodeId(), view);
        json.addProperty("damage", spec.getRebuildReplica().getDamage());
      }
      case SPLIT_SHARD -> {
        json.addProperty("shard_id", spec.getSplitShard().getShardId());
        json.addProperty("split_slot", spec.getSplitShard().getSplitSlot());
        json.addProperty("new_shard_id", spec.getSplitShard().getNewShardId());
        json.addProperty("reason", spec.getSplitShard().getReason());
      }
      case MERGE_SHARDS -> {
        json.addProperty("target_shard_id", spec.getMergeShards().getTargetShardId());
        json.addProperty("source_shard_id", spec.getMergeShards().getSourceShardId());
        json.addProperty("source_index", spec.getMergeShards().getSourceIndex());
      }
      case KIND_NOT_SET -> { }
    }
    return json;
  }
}
