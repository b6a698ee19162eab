package io.slotraft.node.operation;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.raft.GroupMembership;
import io.slotraft.proto.v1.MergeStepDone;
import io.slotraft.proto.v1.MergeStepRequest;
import io.slotraft.proto.v1.ReplicaDescription;
import io.slotraft.proto.v1.SplitDone;
import io.slotraft.proto.v1.SplitShardRequest;
import java.util.Optional;

/** What drivers reach the cluster with. */
public interface DriverContext {

  /** Membership changes and views of any Raft group. */
  GroupMembership groups();

  /** {@code member}'s own replica of {@code groupId}; empty when it runs none or did not answer. */
  Optional<ReplicaDescription> describe(ClusterMember member, String groupId);

  /**
   * Has {@code leader}'s replica of the request's shard propose the split and answers where it
   * split; throws when it did not (not the leader, or unreachable), for the step to be tried again.
   */
  SplitDone splitShard(ClusterMember leader, SplitShardRequest request);

  /**
   * Has {@code leader}'s replica of the request's shard propose one entry of a merge and answers its
   * index once applied there; throws when it did not, for the step to be tried again.
   */
  MergeStepDone mergeStep(ClusterMember leader, MergeStepRequest request);

  /** Wall-clock milliseconds, for the records operators read (never compared across nodes). */
  long nowMs();
}
