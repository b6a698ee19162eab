package io.slotraft.node.operation;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.meta.MetaStateMachine;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.raft.GroupMembership;
import io.slotraft.node.shard.ShardId;
import io.slotraft.proto.v1.MergeStepDone;
import io.slotraft.proto.v1.MergeStepRequest;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.ReplicaDescription;
import io.slotraft.proto.v1.SplitDone;
import io.slotraft.proto.v1.SplitShardRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Operations' drivers against meta's real state machine and a model of the shards' Raft groups
 * (voters, learners, leader), so that a test can drive every step, drop what a step recorded (a
 * crash after it acted) and check that no group ever had fewer voters than it started with. Every
 * replica counts as caught up as soon as it exists.
 */
final class SimulatedCluster implements DriverContext, GroupMembership {
  private final MetaStateMachine meta = new MetaStateMachine();
  private final Map<String, Group> groups = new HashMap<>();
  private long index;
  private long now = 1_000;
  private int fewestVoters = Integer.MAX_VALUE;
  /** Replicas their nodes started empty for a rebuild (group id + endpoint): they answer descriptions. */
  private final Set<String> startedEmpty = new java.util.HashSet<>();
  /** The splits the shards' leaders applied, by operation. */
  private final Map<Long, SplitDone> splits = new HashMap<>();
  /** Groups a merge froze: the freeze entry's index, by group id. */
  private final Map<String, Long> frozenAt = new HashMap<>();
  /** The merges whose COMMIT a target's leader applied, by operation: the entry's index. */
  private final Map<Long, Long> mergeCommits = new HashMap<>();
  /** Replicas (group id + endpoint) that never apply a merge's freeze: the merge waits on them. */
  final Set<String> lagging = new java.util.HashSet<>();

  /** One group as its leader sees it. */
  static final class Group {
    final Set<String> voters = new LinkedHashSet<>();
    final Set<String> learners = new LinkedHashSet<>();
    String leader;
  }

  SimulatedCluster(byte[] bootstrap) {
    apply(bootstrap);
    for (ShardPlacement shard : state().topology().placement().shards()) {
      Group group = new Group();
      group.voters.addAll(state().topology().raftEndpoints(shard));
      group.leader = group.voters.iterator().next();
      groups.put(ShardId.of(shard).groupId(), group);
    }
    Group meta = new Group();
    meta.voters.addAll(state().topology().metaVoterEndpoints());
    meta.leader = meta.voters.iterator().next();
    groups.put(ClusterTopology.META_GROUP, meta);
  }

  Group metaGroup() {
    return groups.get(ClusterTopology.META_GROUP);
  }

  MetaState state() {
    return meta.state();
  }

  Group group(String shardId) {
    return groups.get("shard-" + shardId);
  }

  void apply(byte[] entry) {
    meta.apply(++index, entry);
  }

  void apply(MetaCommand command) {
    apply(command.toByteArray());
  }

  /** Every running operation takes one step, oldest first; a step whose records are dropped when {@code crash}. */
  void pass(boolean crash) throws InterruptedException {
    for (Operation operation : state().runningOperations()) {
      Operation current = state().operations().get(operation.getId());
      if (!MetaState.running(current)) {
        continue;
      }
      List<MetaCommand> commands;
      try {
        commands = OperationRunner.driverOf(current).step(state(), current, this);
      } catch (IllegalStateException e) {
        continue; // the runner records it and tries again next pass
      }
      if (!crash) {
        commands.forEach(this::apply);
      }
      now += 500;
    }
    groups.values().forEach(group -> fewestVoters = Math.min(fewestVoters, group.voters.size()));
    startRebuiltReplicas();
  }

  /** What a node does for a rebuild: once meta's driver took its replica out, it starts it empty. */
  private void startRebuiltReplicas() {
    for (Operation operation : state().runningOperations()) {
      if (operation.getSpec().hasRebuildReplica() && !operation.getStep().equals("REMOVE_DAMAGED")) {
        var rebuild = operation.getSpec().getRebuildReplica();
        String endpoint = state().topology().member(rebuild.getNodeId()).orElseThrow().raftEndpoint();
        String groupId = state().topology().raftGroup(rebuild.getShardId()).orElseThrow().groupId();
        startedEmpty.add(groupId + "@" + endpoint);
      }
    }
  }


  /**
   * A split as the shard's leader does it: once per operation (a repeat answers the first split),
   * halving the range when asked for the halving slot; the new group has the parent's voters.
   */
  @Override
  public SplitDone splitShard(ClusterMember leader, SplitShardRequest request) {
    Group parent = group(request.getShardId());
    if (parent == null || !leader.raftEndpoint().equals(parent.leader)) {
      throw new IllegalStateException(leader.name() + " does not lead " + request.getShardId());
    }
    return splits.computeIfAbsent(request.getOperationId(), id -> {
      ShardPlacement shard = state().topology().placement().shard(request.getShardId()).orElseThrow();
      int slot = request.getSplitSlot() >= 0 ? request.getSplitSlot() : (shard.slotStart() + shard.slotEnd() + 1) / 2;
      Group child = new Group();
      child.voters.addAll(parent.voters);
      child.leader = parent.leader;
      groups.put("shard-" + request.getNewShardId(), child);
      return SplitDone.newBuilder().setSplitSlot(slot).setSplitIndex(1000 + id).build();
    });
  }

  /**
   * A merge's step as the shard's leader applies it: PREPARE freezes the source once per operation,
   * ROLLBACK lets it go, COMMIT (refused unless the source is frozen) is applied once per operation.
   */
  @Override
  public MergeStepDone mergeStep(ClusterMember leader, MergeStepRequest request) {
    String groupId = "shard-" + request.getShardId();
    Group group = groups.get(groupId);
    if (group == null || !leader.raftEndpoint().equals(group.leader)) {
      throw new IllegalStateException(leader.name() + " does not lead " + request.getShardId());
    }
    long index = switch (request.getPhase()) {
      case MERGE_PREPARE -> frozenAt.computeIfAbsent(groupId, g -> 2000 + request.getOperationId());
      case MERGE_ROLLBACK -> {
        frozenAt.remove(groupId);
        yield 0;
      }
      case MERGE_COMMIT -> {
        if (!frozenAt.containsKey("shard-" + request.getSourceShardId())) {
          throw new IllegalStateException(request.getSourceShardId() + " is not frozen");
        }
        yield mergeCommits.computeIfAbsent(request.getOperationId(), id -> 3000 + id);
      }
      default -> throw new IllegalArgumentException("no phase");
    };
    return MergeStepDone.newBuilder().setIndex(index).build();
  }

  boolean frozen(String shardId) {
    return frozenAt.containsKey("shard-" + shardId);
  }

  int mergeCommits() {
    return mergeCommits.size();
  }

  int fewestVoters() {
    return fewestVoters;
  }

  @Override
  public GroupMembership groups() {
    return this;
  }

  @Override
  public Optional<ReplicaDescription> describe(ClusterMember member, String groupId) {
    Group group = groups.get(groupId);
    boolean runs = group != null && (group.voters.contains(member.raftEndpoint())
        || group.learners.contains(member.raftEndpoint()) || startedEmpty.contains(groupId + "@" + member.raftEndpoint()));
    if (!runs) {
      return Optional.empty();
    }
    long applied = lagging.contains(groupId + "@" + member.raftEndpoint()) ? 100
        : Math.max(100, frozenAt.getOrDefault(groupId, 0L));
    return Optional.of(ReplicaDescription.newBuilder().setGroupId(groupId).setAppliedIndex(applied)
        .setCommittedIndex(applied).setBytesOnDisk(4096)
        .setLeader(member.raftEndpoint().equals(group.leader)).build());
  }

  @Override
  public long nowMs() {
    return now;
  }

  @Override
  public Optional<GroupView> view(String groupId, List<String> endpoints) {
    Group group = groups.get(groupId);
    return Optional.of(new GroupView(group.leader, new ArrayList<>(group.voters), new ArrayList<>(group.learners)));
  }

  @Override
  public Optional<String> addLearner(String groupId, List<String> endpoints, String learner) {
    groups.get(groupId).learners.add(learner);
    return Optional.empty();
  }

  @Override
  public Optional<String> removeLearner(String groupId, List<String> endpoints, String learner) {
    groups.get(groupId).learners.remove(learner);
    return Optional.empty();
  }

  @Override
  public Optional<String> promote(String groupId, List<String> endpoints, String learner) {
    Group group = groups.get(groupId);
    if (!group.learners.remove(learner)) {
      return Optional.of(learner + " is not a learner");
    }
    group.voters.add(learner);
    return Optional.empty();
  }

  @Override
  public Optional<String> removeVoter(String groupId, List<String> endpoints, String voter) {
    Group group = groups.get(groupId);
    group.voters.remove(voter);
    if (voter.equals(group.leader)) {
      group.leader = group.voters.iterator().next();
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> transferLeader(String groupId, List<String> endpoints, String target) {
    Group group = groups.get(groupId);
    group.leader = target != null ? target
        : group.voters.stream().filter(v -> !v.equals(group.leader)).findFirst().orElse(group.leader);
    return Optional.empty();
  }
}
