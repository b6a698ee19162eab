package io.slotraft.node.metagroup;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.slotraft.node.cluster.ClusterMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One gRPC channel to each meta member, for reading meta ({@link RemoteMetaSource}) and forwarding
 * proposals to its leader ({@link MetaProposer}). The members start as the configured ones and follow
 * meta's voters as meta records them ({@link #update}), so a node still finds meta after a drain
 * moved its votes. Channels connect on first use and reconnect by themselves, so a member that is
 * down now costs nothing until it is asked.
 */
public final class MetaMemberChannels implements AutoCloseable {
  /** The members and their channels at one moment; indexes match. */
  public record View(List<ClusterMember> members, List<ManagedChannel> channels) {
    public int size() {
      return members.size();
    }

    public ClusterMember member(int index) {
      return members.get(index);
    }

    public ManagedChannel channel(int index) {
      return channels.get(index);
    }
  }

  private final Map<String, ManagedChannel> byAddress = new HashMap<>();
  private volatile View current;

  public MetaMemberChannels(List<ClusterMember> members) {
    update(members);
  }

  public View current() {
    return current;
  }

  /** Follows meta's voters; a no-op when they are the same. Channels to members no longer listed are closed. */
  public synchronized void update(List<ClusterMember> members) {
    if (current != null && current.members().equals(members)) {
      return;
    }
    List<ManagedChannel> channels = new ArrayList<>();
    Map<String, ManagedChannel> kept = new HashMap<>();
    for (ClusterMember member : members) {
      String address = member.host() + ":" + member.grpcPort();
      ManagedChannel channel = kept.computeIfAbsent(address, a -> byAddress.containsKey(a) ? byAddress.get(a)
          : NettyChannelBuilder.forAddress(member.host(), member.grpcPort()).usePlaintext().build());
      channels.add(channel);
    }
    byAddress.forEach((address, channel) -> {
      if (!kept.containsKey(address)) {
        channel.shutdown();
      }
    });
    byAddress.clear();
    byAddress.putAll(kept);
    current = new View(List.copyOf(members), List.copyOf(channels));
  }

  public List<ClusterMember> members() {
    return current.members();
  }

  @Override
  public synchronized void close() {
    byAddress.values().forEach(ManagedChannel::shutdownNow);
  }
}
