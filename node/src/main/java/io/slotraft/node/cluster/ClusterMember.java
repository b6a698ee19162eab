package io.slotraft.node.cluster;

/**
 * One node of the cluster and its four ports.
 *
 * @param nodeId 40 lower-case hex characters, stable for the node's life (Redis Cluster's node id)
 * @param name the operator's short name for the node, e.g. {@code n1}
 */
public record ClusterMember(String nodeId, String name, String host, int respPort, int grpcPort, int raftPort,
    int httpPort) {

  /** {@code host:raftPort}, how Raft names this member. */
  public String raftEndpoint() {
    return host + ":" + raftPort;
  }
}
