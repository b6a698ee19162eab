package io.slotraft.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.slotraft.proto.v1.PlannedLeaderMove;
import io.slotraft.proto.v1.PlannedMove;
import io.slotraft.proto.v1.RebalanceSpec;

/** A rebalance plan ({@code rebalance --dry-run}, or the one a running rebalance recorded) as text and JSON. */
final class PlanText {
  private PlanText() {}

  static boolean balanced(RebalanceSpec plan) {
    return plan.getMovesCount() == 0 && plan.getLeaderMovesCount() == 0;
  }

  static long totalBytes(RebalanceSpec plan) {
    return plan.getMovesList().stream().mapToLong(PlannedMove::getBytes).sum();
  }

  static String render(RebalanceSpec plan, MetaView view) {
    if (balanced(plan)) {
      return "balanced: nothing to move\n";
    }
    StringBuilder text = new StringBuilder(String.format("rebalance plan: %d replica moves (%d at a time), "
        + "%d leader moves, %s to copy%n", plan.getMovesCount(), plan.getMaxConcurrentMoves(),
        plan.getLeaderMovesCount(), Units.mib(totalBytes(plan))));
    if (plan.getMovesCount() > 0) {
      Table moves = new Table("WAVE", "SHARD", "FROM", "TO", "BYTES");
      for (PlannedMove move : plan.getMovesList()) {
        moves.row(move.getWave(), move.getShardId(), view.name(move.getFromNodeId()), view.name(move.getToNodeId()),
            Units.mib(move.getBytes()));
      }
      text.append('\n').append(moves.render());
    }
    if (plan.getLeaderMovesCount() > 0) {
      Table leaders = new Table("LEADER OF", "FROM", "TO");
      for (PlannedLeaderMove move : plan.getLeaderMovesList()) {
        leaders.row(move.getShardId(), view.name(move.getFromNodeId()), view.name(move.getToNodeId()));
      }
      text.append('\n').append(leaders.render());
    }
    return text.toString();
  }

  static JsonObject json(RebalanceSpec plan, MetaView view) {
    JsonObject json = new JsonObject();
    json.addProperty("balanced", balanced(plan));
    json.addProperty("max_concurrent_moves", plan.getMaxConcurrentMoves());
    json.addProperty("total_bytes", totalBytes(plan));
    JsonArray moves = new JsonArray();
    for (PlannedMove move : plan.getMovesList()) {
      JsonObject row = new JsonObject();
      row.addProperty("shard_id", move.getShardId());
      Json.node(row, "from", move.getFromNodeId(), view);
      Json.node(row, "to", move.getToNodeId(), view);
      row.addProperty("bytes", move.getBytes());
      row.addProperty("wave", move.getWave());
      moves.add(row);
    }
    json.add("moves", moves);
    JsonArray leaders = new JsonArray();
    for (PlannedLeaderMove move : plan.getLeaderMovesList()) {
      JsonObject row = new JsonObject();
      row.addProperty("shard_id", move.getShardId());
      Json.node(row, "from", move.getFromNodeId(), view);
      Json.node(row, "to", move.getToNodeId(), view);
      leaders.add(row);
    }
    json.add("leader_moves", leaders);
    return json;
  }
}
