package io.slotraft.node.raft;

/**
 * Raft settings of one replica.
 *
 * @param electionTimeoutMs follower timeout before it starts an election
 * @param snapshotIntervalSecs time-based snapshot period (0 disables)
 * @param maxInflightProposals proposals in flight before new ones are refused as busy; also sizes
 *     JRaft's ring buffers, so memory stays bounded per replica
 */
public record ReplicaOptions(int electionTimeoutMs, int snapshotIntervalSecs, int maxInflightProposals) {}
