package io.slotraft.node.cluster;

import io.slotraft.proto.v1.NodeAddress;

/** A member as {@code slotraft.v1.NodeAddress}, the one form meta records and the gRPC topology sends. */
public final class MemberProtos {
  private MemberProtos() {}

  public static NodeAddress toProto(ClusterMember member) {
    return NodeAddress.newBuilder()
        .setNodeId(member.nodeId())
        .setName(member.name())
        .setHost(member.host())
        .setRespPort(member.respPort())
        .setGrpcPort(member.grpcPort())
        .setRaftPort(member.raftPort())
        .setHttpPort(member.httpPort())
        .build();
  }

  public static ClusterMember fromProto(NodeAddress address) {
    return new ClusterMember(address.getNodeId(), address.getName(), address.getHost(), address.getRespPort(),
        address.getGrpcPort(), address.getRaftPort(), address.getHttpPort());
  }
}
