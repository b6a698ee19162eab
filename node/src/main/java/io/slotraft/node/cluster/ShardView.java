package io.slotraft.node.cluster;

import java.util.List;

/**
 * What a node currently knows of one shard.
 *
 * @param slotStart first slot, inclusive
 * @param slotEnd last slot, inclusive
 * @param leaderNodeId the leader's node id, or null while no leader is known
 * @param replicaNodeIds every replica's node id, leader included
 */
public record ShardView(String shardId, int slotStart, int slotEnd, String leaderNodeId, List<String> replicaNodeIds) {

  public boolean owns(int slot) {
    return slot >= slotStart && slot <= slotEnd;
  }
}
