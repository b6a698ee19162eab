package io.slotraft.node.metagroup;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.slotraft.node.cluster.ClusterMember;
import java.util.List;

/**
 * One gRPC channel to each meta member, for reading meta ({@link RemoteMetaSource}) and forwarding
 * proposals to its leader ({@link MetaProposer}). Channels connect on first use and reconnect by
 * themselves, so a member that is down now costs nothing until it is asked.
 */
public final class MetaMemberChannels implements AutoCloseable {
  private final List<ClusterMember> members;
  private final List<ManagedChannel> channels;

  public MetaMemberChannels(List<ClusterMember> members) {
    this.members = List.copyOf(members);
    this.channels = members.stream()
        .map(m -> (ManagedChannel) NettyChannelBuilder.forAddress(m.host(), m.grpcPort()).usePlaintext().build())
        .toList();
  }

  public List<ClusterMember> members() {
    return members;
  }

  public int size() {
    return members.size();
  }

  public ClusterMember member(int index) {
    return members.get(index);
  }

  public ManagedChannel channel(int index) {
    return channels.get(index);
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
  }
}
