package io.slotraft.node.metagroup;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.MetaProtos;
import io.slotraft.node.meta.MetaState;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.proto.v1.MetaServiceGrpc;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node that holds no meta replica asks the meta members over their gRPC ports ({@code
 * MetaService.GetMetaState}), one after another, starting with the one that answered last.
 */
public final class RemoteMetaSource implements MetaSource {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteMetaSource.class);
  /** Per member asked: a member that is down refuses at once; one that is up answers in milliseconds. */
  private static final long ASK_TIMEOUT_MS = 2_000;

  private final List<ClusterMember> metaMembers;
  private final List<ManagedChannel> channels;
  private final String selfNodeId;
  private int next;

  public RemoteMetaSource(List<ClusterMember> metaMembers, String selfNodeId) {
    this.metaMembers = List.copyOf(metaMembers);
    this.channels = metaMembers.stream()
        .map(m -> (ManagedChannel) NettyChannelBuilder.forAddress(m.host(), m.grpcPort()).usePlaintext().build())
        .toList();
    this.selfNodeId = selfNodeId;
  }

  @Override
  public synchronized Optional<MetaState> read() {
    for (int attempt = 0; attempt < channels.size(); attempt++) {
      int index = (next + attempt) % channels.size();
      try {
        io.slotraft.proto.v1.MetaState answer = MetaServiceGrpc.newBlockingStub(channels.get(index))
            .withDeadlineAfter(ASK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .getMetaState(GetMetaStateRequest.newBuilder().setAskingNodeId(selfNodeId).build());
        next = index;
        return Optional.of(MetaProtos.state(answer));
      } catch (StatusRuntimeException e) {
        LOG.debug("meta member {} did not answer: {}", metaMembers.get(index).name(), e.getStatus());
      }
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "meta members " + metaMembers.stream().map(ClusterMember::name).toList() + " over gRPC";
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
  }
}
