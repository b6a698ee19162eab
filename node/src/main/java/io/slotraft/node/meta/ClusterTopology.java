package io.slotraft.node.meta;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.placement.Placement;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.node.shard.ShardId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The cluster's layout as meta records it: the nodes, every shard with its slot range and replicas,
 * the meta group's own voters, the nodes being drained, and the epoch that versions it. Nodes route
 * by it and start the replicas it assigns to them.
 *
 * @param epoch 0 only in {@link #NONE}; 1 once bootstrapped; raised by every later change
 * @param members every node, bootstrap members first in their configured order, joined nodes after
 * @param replicationFactor replicas per shard
 * @param metaVoterNodeIds the meta group's voters, in member order
 * @param drainingNodeIds nodes that take no new replicas, sorted
 * @param metaLearnerNodeIds nodes catching up a replica of meta that a move will make a voter
 */
public record ClusterTopology(long epoch, List<ClusterMember> members, Placement placement, int replicationFactor,
    List<String> metaVoterNodeIds, List<String> drainingNodeIds, List<String> metaLearnerNodeIds) {
  /** The group id of meta itself, as a move names it instead of a shard. */
  public static final String META_GROUP = "meta";

  /** Before bootstrap: no nodes, no shards. */
  public static final ClusterTopology NONE = new ClusterTopology(0, List.of(), new Placement(List.of()), 0);

  public ClusterTopology {
    members = List.copyOf(members);
    metaVoterNodeIds = List.copyOf(metaVoterNodeIds);
    drainingNodeIds = List.copyOf(new TreeSet<>(drainingNodeIds));
    metaLearnerNodeIds = List.copyOf(metaLearnerNodeIds);
  }

  /** A layout whose meta voters are the ones {@link MetaMembers} picks from the members, none draining. */
  public ClusterTopology(long epoch, List<ClusterMember> members, Placement placement, int replicationFactor) {
    this(epoch, members, placement, replicationFactor,
        MetaMembers.of(members).stream().map(ClusterMember::nodeId).toList(), List.of(), List.of());
  }

  public Optional<ClusterMember> member(String nodeId) {
    return members.stream().filter(m -> m.nodeId().equals(nodeId)).findFirst();
  }

  /** The member called {@code nameOrId} (its name, e.g. n2, or its node id). */
  /** The member whose Raft port is {@code endpoint} ({@code host:port}), as a group's view names its leader. */
  public Optional<ClusterMember> memberAtRaftEndpoint(String endpoint) {
    return members.stream().filter(m -> m.raftEndpoint().equals(endpoint)).findFirst();
  }

  public Optional<ClusterMember> memberNamed(String nameOrId) {
    return members.stream().filter(m -> m.name().equals(nameOrId) || m.nodeId().equals(nameOrId)).findFirst();
  }

  public boolean isDraining(String nodeId) {
    return drainingNodeIds.contains(nodeId);
  }

  public boolean isMetaVoter(String nodeId) {
    return metaVoterNodeIds.contains(nodeId);
  }

  /** Whether {@code nodeId} runs a replica of meta, voting or learning. */
  public boolean runsMeta(String nodeId) {
    return metaVoterNodeIds.contains(nodeId) || metaLearnerNodeIds.contains(nodeId);
  }

  /** The Raft endpoints of meta's voters, in member order. */
  public List<String> metaVoterEndpoints() {
    return metaVoters().stream().map(ClusterMember::raftEndpoint).toList();
  }

  /** The Raft endpoints of meta's learners. */
  public List<String> metaLearnerEndpoints() {
    return members.stream().filter(m -> metaLearnerNodeIds.contains(m.nodeId())).map(ClusterMember::raftEndpoint)
        .toList();
  }

  /** The meta group's voters as members, in member order. */
  public List<ClusterMember> metaVoters() {
    return members.stream().filter(m -> metaVoterNodeIds.contains(m.nodeId())).toList();
  }

  /**
   * The Raft group a shard id names ({@link #META_GROUP} names meta's own): its group id, its voting
   * nodes and every endpoint it may answer on (voters, then learners), as meta records them; empty
   * when there is no such shard.
   */
  public Optional<RaftGroup> raftGroup(String shardId) {
    if (META_GROUP.equals(shardId)) {
      List<String> endpoints = new ArrayList<>(metaVoterEndpoints());
      endpoints.addAll(metaLearnerEndpoints());
      return Optional.of(new RaftGroup(META_GROUP, metaVoterNodeIds, List.copyOf(endpoints)));
    }
    return placement.shard(shardId).map(shard -> {
      List<String> endpoints = new ArrayList<>(raftEndpoints(shard));
      endpoints.addAll(learnerEndpoints(shard));
      return new RaftGroup(ShardId.of(shard).groupId(), shard.replicaNodeIds(),
          List.copyOf(endpoints));
    });
  }

  /** A Raft group as meta records it; see {@link #raftGroup}. */
  public record RaftGroup(String groupId, List<String> voterNodeIds, List<String> endpoints) {}

  /** The Raft endpoints of a shard's voters, preferred leader first. */
  public List<String> raftEndpoints(ShardPlacement shard) {
    return endpoints(shard.shardId(), shard.replicaNodeIds());
  }

  /** The Raft endpoints of a shard's learners. */
  public List<String> learnerEndpoints(ShardPlacement shard) {
    return endpoints(shard.shardId(), shard.learnerNodeIds());
  }

  private List<String> endpoints(String shardId, List<String> nodeIds) {
    return nodeIds.stream()
        .map(nodeId -> member(nodeId).orElseThrow(() -> new IllegalStateException(
            "shard " + shardId + " has a replica on " + nodeId + ", which is not a member")))
        .map(ClusterMember::raftEndpoint)
        .toList();
  }

  /** The next epoch with {@code changed} as placement. */
  public ClusterTopology nextWith(Placement changed) {
    return new ClusterTopology(epoch + 1, members, changed, replicationFactor, metaVoterNodeIds, drainingNodeIds,
        metaLearnerNodeIds);
  }

  /** The next epoch with {@code joined} added after the other members. */
  public ClusterTopology nextWithMember(ClusterMember joined) {
    List<ClusterMember> changed = new ArrayList<>(members);
    changed.add(joined);
    return new ClusterTopology(epoch + 1, changed, placement, replicationFactor, metaVoterNodeIds, drainingNodeIds,
        metaLearnerNodeIds);
  }

  /** The next epoch without member {@code nodeId}. */
  public ClusterTopology nextWithoutMember(String nodeId) {
    return new ClusterTopology(epoch + 1, members.stream().filter(m -> !m.nodeId().equals(nodeId)).toList(),
        placement, replicationFactor, metaVoterNodeIds, drainingNodeIds.stream().filter(id -> !id.equals(nodeId)).toList(),
        metaLearnerNodeIds);
  }

  /** The same epoch with {@code nodeId} draining or not (clients see no difference). */
  public ClusterTopology withDraining(String nodeId, boolean draining) {
    List<String> changed = new ArrayList<>(drainingNodeIds);
    changed.remove(nodeId);
    if (draining) {
      changed.add(nodeId);
    }
    return new ClusterTopology(epoch, members, placement, replicationFactor, metaVoterNodeIds, changed,
        metaLearnerNodeIds);
  }

  /** The next epoch with {@code learner} catching up a replica of meta. */
  public ClusterTopology nextWithMetaLearner(String learner) {
    List<String> learners = new ArrayList<>(metaLearnerNodeIds);
    learners.add(learner);
    return new ClusterTopology(epoch + 1, members, placement, replicationFactor, metaVoterNodeIds, drainingNodeIds,
        learners);
  }

  /**
   * The next epoch with meta's vote moved from {@code from} to {@code to} (when {@code moved}) or
   * with {@code to}'s learner dropped (when not): the end of a move of meta's vote. An empty {@code
   * from} adds a vote, an empty {@code to} removes one.
   */
  public ClusterTopology nextWithMetaVoteMoved(String from, String to, boolean moved) {
    List<String> voters = new ArrayList<>(metaVoterNodeIds);
    if (moved) {
      voters.remove(from);
      if (!to.isEmpty()) {
        voters.add(to);
      }
    }
    List<String> ordered = members.stream().map(ClusterMember::nodeId).filter(voters::contains).toList();
    return new ClusterTopology(epoch + 1, members, placement, replicationFactor, ordered, drainingNodeIds,
        metaLearnerNodeIds.stream().filter(id -> !id.equals(to)).toList());
  }
}
