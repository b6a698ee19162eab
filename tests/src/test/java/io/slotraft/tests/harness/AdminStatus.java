package io.slotraft.tests.harness;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The document {@code slotraft-admin status --json} prints, read the way a script would: meta's
 * members (in member order) with what meta's plan puts on each, the shards with their voters and
 * preferred leader, and the operations running.
 */
public record AdminStatus(long epoch, int replicationFactor, Map<String, Member> members, List<Shard> shards,
    List<RunningOperation> operations) {

  /** A member as meta records it: holds one of meta's votes, is draining, voter and learner replicas. */
  public record Member(boolean metaVoter, boolean draining, long voterReplicas, long learnerReplicas) {}

  /** A shard: its voters (preferred leader first) and learners, by node name. */
  public record Shard(String id, int slotStart, int slotEnd, List<String> voters, List<String> learners,
      String preferredLeader) {}

  /** A running operation: {@code parentId} 0 for one an operator started, else its drain's or rebalance's id. */
  public record RunningOperation(long id, long parentId, String description, String step, String detail) {
    @Override
    public String toString() {
      return "operation " + id + " (" + description + ") at step " + step + ": " + detail;
    }
  }

  /** Runs {@code status --json} and reads its document; a run that fails fails the test. */
  public static AdminStatus of(AdminCli admin) throws Exception {
    AdminCli.Run run = admin.run(Duration.ofSeconds(60), "status", "--json");
    if (run.code() != 0) {
      throw new AssertionError("slotraft-admin status --json failed: " + run);
    }
    return parse(run.out());
  }

  /** Reads the document of a {@code status --json} run that succeeded. */
  public static AdminStatus parse(String json) {
    JsonObject document = JsonParser.parseString(json).getAsJsonObject();
    Map<String, Member> members = new LinkedHashMap<>();
    for (JsonElement element : document.getAsJsonArray("nodes")) {
      JsonObject node = element.getAsJsonObject();
      members.put(node.get("name").getAsString(), new Member(node.get("meta_voter").getAsBoolean(),
          node.get("draining").getAsBoolean(), node.get("voter_replicas").getAsLong(),
          node.get("learner_replicas").getAsLong()));
    }
    List<Shard> shards = StreamSupport.stream(document.getAsJsonArray("shards").spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .map(shard -> new Shard(shard.get("shard_id").getAsString(), shard.get("slot_start").getAsInt(),
            shard.get("slot_end").getAsInt(), strings(shard, "voters"),
            strings(shard, "learners"), shard.get("preferred_leader").isJsonNull() ? null
                : shard.get("preferred_leader").getAsString()))
        .toList();
    List<RunningOperation> operations = StreamSupport.stream(document.getAsJsonArray("operations").spliterator(),
        false).map(JsonElement::getAsJsonObject)
        .map(op -> new RunningOperation(op.get("id").getAsLong(), op.get("parent_id").getAsLong(),
            op.get("description").getAsString(), op.get("step").getAsString(), op.get("detail").getAsString()))
        .toList();
    return new AdminStatus(document.get("epoch").getAsLong(), document.get("replication_factor").getAsInt(), members,
        shards, operations);
  }

  public int runningOperations() {
    return operations.size();
  }

  private static List<String> strings(JsonObject object, String field) {
    return StreamSupport.stream(object.getAsJsonArray(field).spliterator(), false).map(JsonElement::getAsString)
        .toList();
  }

  public List<String> names() {
    return List.copyOf(members.keySet());
  }

  public Member member(String name) {
    Member member = members.get(name);
    if (member == null) {
      throw new AssertionError("no member " + name + " in status: " + names());
    }
    return member;
  }

  public List<String> metaVoters() {
    return members.entrySet().stream().filter(e -> e.getValue().metaVoter()).map(Map.Entry::getKey).toList();
  }

  /** Per member, in member order, how many voter replicas meta's plan puts there. */
  public Map<String, Long> voterReplicas() {
    Map<String, Long> counts = new LinkedHashMap<>();
    members.forEach((name, member) -> counts.put(name, member.voterReplicas()));
    return counts;
  }

  /** Per member, in member order, of how many shards it is the preferred leader (0 included). */
  public Map<String, Long> preferredLeaders() {
    Map<String, Long> counts = new LinkedHashMap<>();
    members.keySet().forEach(name -> counts.put(name, 0L));
    shards.forEach(shard -> counts.merge(shard.preferredLeader(), 1L, Long::sum));
    return counts;
  }
}
