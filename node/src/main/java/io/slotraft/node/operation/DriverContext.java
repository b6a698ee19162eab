package io.slotraft.node.operation;

import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.raft.GroupMembership;
import io.slotraft.proto.v1.ReplicaDescription;
import java.util.Optional;

/** What drivers reach the cluster with. */
public interface DriverContext {

  /** Membership changes and views of any Raft group. */
  GroupMembership groups();

  /** {@code member}'s own replica of {@code groupId}; empty when it runs none or did not answer. */
  Optional<ReplicaDescription> describe(ClusterMember member, String groupId);

  /** Wall-clock milliseconds, for the records operators read (never compared across nodes). */
  long nowMs();
}
