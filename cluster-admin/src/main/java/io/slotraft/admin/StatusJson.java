package io.slotraft.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.NodeAddress;
import java.util.List;
import java.util.Optional;

/** {@code slotraft-admin status --json}: what {@link StatusText} shows, as one document (see {@link Json}). */
final class StatusJson {
  private StatusJson() {}

  static JsonObject of(MetaState state) {
    MetaView view = new MetaView(state);
    JsonObject json = new JsonObject();
    json.addProperty("bootstrapped", state.getBootstrapped());
    json.addProperty("epoch", state.getEpoch());
    json.addProperty("applied_index", state.getAppliedIndex());
    json.addProperty("replication_factor", state.getPlan().getReplicationFactor());
    JsonArray nodes = new JsonArray();
    List<String> metaVoters = view.metaVoters();
    for (NodeAddress node : state.getPlan().getNodesList()) {
      nodes.add(member(node, view, metaVoters.contains(node.getNodeId())));
    }
    json.add("nodes", nodes);
    JsonArray shards = new JsonArray();
    state.getPlan().getShardsList().forEach(shard -> shards.add(shard(shard, view)));
    json.add("shards", shards);
    json.add("operations", OperationJson.of(view.running(), view));
    return json;
  }

  private static JsonObject member(NodeAddress node, MetaView view, boolean metaVoter) {
    String id = node.getNodeId();
    JsonObject json = new JsonObject();
    json.addProperty("name", node.getName());
    json.addProperty("node_id", id);
    json.addProperty("host", node.getHost());
    json.addProperty("resp_port", node.getRespPort());
    json.addProperty("grpc_port", node.getGrpcPort());
    json.addProperty("raft_port", node.getRaftPort());
    json.addProperty("http_port", node.getHttpPort());
    json.addProperty("meta_voter", metaVoter);
    json.addProperty("draining", view.draining(id));
    json.addProperty("voter_replicas", view.votersOn(id));
    json.addProperty("learner_replicas", view.learnersOn(id));
    // null, not 0, for a node that never reported: "leads nothing" and "unknown" differ.
    json.addProperty("leaders_reported", view.leadsReported(id).orElse(null));
    json.addProperty("reported_at_ms", view.report(id).map(r -> r.getReportedAtMs()).orElse(null));
    return json;
  }

  private static JsonObject shard(MetaShard shard, MetaView view) {
    JsonObject json = new JsonObject();
    json.addProperty("shard_id", shard.getShardId());
    json.addProperty("slot_start", shard.getSlotStart());
    json.addProperty("slot_end", shard.getSlotEnd());
    json.add("voters", Json.strings(view.names(shard.getReplicaNodeIdsList())));
    json.add("voter_node_ids", Json.strings(shard.getReplicaNodeIdsList()));
    json.add("learners", Json.strings(view.names(shard.getLearnerNodeIdsList())));
    json.add("learner_node_ids", Json.strings(shard.getLearnerNodeIdsList()));
    nodeOrNull(json, "preferred_leader", shard.getReplicaNodeIdsList().stream().findFirst(), view);
    nodeOrNull(json, "reported_leader", view.reportedLeader(shard.getShardId()), view);
    return json;
  }

  private static void nodeOrNull(JsonObject json, String field, Optional<String> nodeId, MetaView view) {
    if (nodeId.isPresent()) {
      Json.node(json, field, nodeId.get(), view);
    } else {
      json.add(field, JsonNull.INSTANCE);
      json.add(field + "_node_id", JsonNull.INSTANCE);
    }
  }
}
