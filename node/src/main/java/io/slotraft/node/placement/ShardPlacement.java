package io.slotraft.node.placement;

import java.util.ArrayList;
import java.util.List;

/**
 * One shard of a {@link Placement}: its stable id, its inclusive slot range, the nodes holding its
 * voting replicas and the nodes a replica move is adding it to.
 *
 * @param replicaNodeIds the nodes holding a voting replica, preferred leader first; never empty
 * @param learnerNodeIds nodes that run a replica being caught up by a move: not voters, never
 *     routed to; empty outside moves
 * @param splitFrom where a split made this shard; null for a shard made at bootstrap
 * @param createdRange the slots the shard owned when it was made, or null when it still owns them
 */
public record ShardPlacement(String shardId, int slotStart, int slotEnd, List<String> replicaNodeIds,
    List<String> learnerNodeIds, SplitOrigin splitFrom, SlotRange createdRange) {

  /** An inclusive range of slots. */
  public record SlotRange(int slotStart, int slotEnd) {}

  public ShardPlacement(String shardId, int slotStart, int slotEnd, List<String> replicaNodeIds,
      List<String> learnerNodeIds, SplitOrigin splitFrom) {
    this(shardId, slotStart, slotEnd, replicaNodeIds, learnerNodeIds, splitFrom, null);
  }

  /**
   * The slots a replica starting with no snapshot owns: the shard's first entry in its log found it
   * owning them, and the split entries after it carve the rest away again.
   */
  public SlotRange initialRange() {
    return createdRange != null ? createdRange : new SlotRange(slotStart, slotEnd);
  }

  /**
   * The shard a split carved this one out of, and the index of the split entry in that shard's log:
   * a node whose replica of the parent has not applied that index yet waits for it to seed this
   * shard's replica there.
   */
  public record SplitOrigin(String parentShardId, long splitIndex) {}

  public ShardPlacement(String shardId, int slotStart, int slotEnd, List<String> replicaNodeIds,
      List<String> learnerNodeIds) {
    this(shardId, slotStart, slotEnd, replicaNodeIds, learnerNodeIds, null);
  }

  public ShardPlacement {
    replicaNodeIds = List.copyOf(replicaNodeIds);
    learnerNodeIds = List.copyOf(learnerNodeIds);
    if (replicaNodeIds.isEmpty()) {
      throw new IllegalArgumentException("shard " + shardId + " has no replica");
    }
  }

  /** A shard with no move under way. */
  public ShardPlacement(String shardId, int slotStart, int slotEnd, List<String> replicaNodeIds) {
    this(shardId, slotStart, slotEnd, replicaNodeIds, List.of());
  }

  /** This shard with its voters and learners changed, all else kept. */
  private ShardPlacement withReplicas(List<String> voters, List<String> learners) {
    return new ShardPlacement(shardId, slotStart, slotEnd, voters, learners, splitFrom, createdRange);
  }

  /**
   * The two shards a split of this one at {@code splitSlot} makes: this one keeping the slots below,
   * and {@code newShardId} with the rest, on the same replicas (learners stay with this one: a split
   * runs only while no move changes the shard, so there are none).
   */
  public List<ShardPlacement> splitAt(int splitSlot, String newShardId, long splitIndex) {
    if (splitSlot <= slotStart || splitSlot > slotEnd) {
      throw new IllegalArgumentException("shard " + shardId + " (slots " + slotStart + "-" + slotEnd
          + ") cannot split at slot " + splitSlot);
    }
    return List.of(new ShardPlacement(shardId, slotStart, splitSlot - 1, replicaNodeIds, learnerNodeIds, splitFrom,
            initialRange()),
        new ShardPlacement(newShardId, splitSlot, slotEnd, replicaNodeIds, List.of(),
            new SplitOrigin(shardId, splitIndex)));
  }

  /**
   * This shard once it took in {@code source}, which must be adjacent: both ranges, its own replicas,
   * and the range it was made with kept for replicas that replay its log from the start (they own
   * that range until the merge entry gives them the source's).
   */
  public ShardPlacement mergedWith(ShardPlacement source) {
    if (source.slotEnd() + 1 != slotStart && source.slotStart() != slotEnd + 1) {
      throw new IllegalArgumentException("shards " + shardId + " (slots " + slotStart + "-" + slotEnd + ") and "
          + source.shardId() + " (slots " + source.slotStart() + "-" + source.slotEnd() + ") are not adjacent");
    }
    return new ShardPlacement(shardId, Math.min(slotStart, source.slotStart()), Math.max(slotEnd, source.slotEnd()),
        replicaNodeIds, learnerNodeIds, splitFrom, initialRange());
  }

  /** The node that should lead this shard whenever it is up: leadership is balanced back to it. */
  public String preferredLeader() {
    return replicaNodeIds.get(0);
  }

  public boolean owns(int slot) {
    return slot >= slotStart && slot <= slotEnd;
  }

  /** Whether {@code nodeId} holds a voting replica. */
  public boolean hasReplicaOn(String nodeId) {
    return replicaNodeIds.contains(nodeId);
  }

  public boolean hasLearnerOn(String nodeId) {
    return learnerNodeIds.contains(nodeId);
  }

  /** Whether {@code nodeId} runs a replica of this shard, voting or learning. */
  public boolean runsOn(String nodeId) {
    return hasReplicaOn(nodeId) || hasLearnerOn(nodeId);
  }

  /** This shard with {@code nodeId}, which must hold a replica, first; the others keep their order. */
  public ShardPlacement withPreferredLeader(String nodeId) {
    if (!hasReplicaOn(nodeId)) {
      throw new IllegalArgumentException("shard " + shardId + " has no replica on " + nodeId);
    }
    List<String> reordered = new ArrayList<>(replicaNodeIds.size());
    reordered.add(nodeId);
    replicaNodeIds.stream().filter(id -> !id.equals(nodeId)).forEach(reordered::add);
    return withReplicas(reordered, learnerNodeIds);
  }

  /** This shard with {@code nodeId} moved to the end of the voters: no longer preferred, unless alone. */
  public ShardPlacement withLeastPreferred(String nodeId) {
    if (!hasReplicaOn(nodeId)) {
      throw new IllegalArgumentException("shard " + shardId + " has no replica on " + nodeId);
    }
    List<String> reordered = new ArrayList<>(replicaNodeIds.size());
    replicaNodeIds.stream().filter(id -> !id.equals(nodeId)).forEach(reordered::add);
    reordered.add(nodeId);
    return withReplicas(reordered, learnerNodeIds);
  }

  /** This shard with a learner on {@code nodeId} added. */
  public ShardPlacement withLearner(String nodeId) {
    List<String> learners = new ArrayList<>(learnerNodeIds);
    learners.add(nodeId);
    return withReplicas(replicaNodeIds, learners);
  }

  /** This shard without its learner on {@code nodeId}. */
  public ShardPlacement withoutLearner(String nodeId) {
    return withReplicas(replicaNodeIds, learnerNodeIds.stream().filter(id -> !id.equals(nodeId)).toList());
  }

  /**
   * This shard once a move from {@code from} to {@code to} completed: {@code to} votes in {@code
   * from}'s place, first when {@code toFirst}, else last; its learner entry is gone.
   */
  public ShardPlacement withReplicaMoved(String from, String to, boolean toFirst) {
    List<String> voters = new ArrayList<>(replicaNodeIds.size());
    if (toFirst) {
      voters.add(to);
    }
    replicaNodeIds.stream().filter(id -> !id.equals(from) && !id.equals(to)).forEach(voters::add);
    if (!toFirst) {
      voters.add(to);
    }
    return withReplicas(voters, learnerNodeIds.stream().filter(id -> !id.equals(to)).toList());
  }
}
