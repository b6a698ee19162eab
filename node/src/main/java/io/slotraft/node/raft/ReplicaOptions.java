package io.slotraft.node.raft;

/**
 * Raft settings of one replica.
 *
 * @param electionTimeoutMs follower timeout before it starts an election
 * @param snapshotIntervalSecs time-based snapshot period (0 disables)
 * @param maxInflightProposals proposals in flight before new ones are refused as busy; also sizes
 *     JRaft's ring buffers, so memory stays bounded per replica
 * @param leaseReads whether {@link RaftReplica#linearizableRead} relies on the leader's lease instead
 *     of a heartbeat round (see {@link RaftReplica#linearizableRead} for the clock assumption)
 * @param snapshotCopies bounds the bytes per second snapshot installs read and write (one throttle
 *     shared by a node's replicas, so moving replicas cannot take the whole disk); null: unbounded
 */
public record ReplicaOptions(int electionTimeoutMs, int snapshotIntervalSecs, int maxInflightProposals,
    boolean leaseReads, SnapshotCopyLimit snapshotCopies) {

  public ReplicaOptions(int electionTimeoutMs, int snapshotIntervalSecs, int maxInflightProposals, boolean leaseReads) {
    this(electionTimeoutMs, snapshotIntervalSecs, maxInflightProposals, leaseReads, null);
  }

  /** These options with another election timeout. */
  public ReplicaOptions withElectionTimeoutMs(int timeoutMs) {
    return new ReplicaOptions(timeoutMs, snapshotIntervalSecs, maxInflightProposals, leaseReads, snapshotCopies);
  }
}
