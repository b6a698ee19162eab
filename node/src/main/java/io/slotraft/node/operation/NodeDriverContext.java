package io.slotraft.node.operation;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.raft.GroupAdmin;
import io.slotraft.node.raft.GroupMembership;
import io.slotraft.proto.v1.DescribeReplicaRequest;
import io.slotraft.proto.v1.MetaServiceGrpc;
import io.slotraft.proto.v1.MergeStepDone;
import io.slotraft.proto.v1.MergeStepRequest;
import io.slotraft.proto.v1.ReplicaDescription;
import io.slotraft.proto.v1.SplitDone;
import io.slotraft.proto.v1.SplitShardRequest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The drivers' way to the cluster from a node: {@link GroupAdmin} for Raft membership, and each
 * member's gRPC port ({@code MetaService.DescribeReplica}) for how far its replica has got. One
 * channel per member address, kept while the driver runs. The {@link GroupAdmin} (a JRaft client with
 * threads of its own) is made on first use: most nodes never lead meta.
 */
public final class NodeDriverContext implements DriverContext, AutoCloseable {
  private static final long DESCRIBE_TIMEOUT_MS = 2_000;
  /**
   * A split's entry is applied on the leader once its replicas have written the new shard's seed,
   * and a merge's COMMIT once the target took in the source's keys; a shard of millions of keys
   * takes seconds. A timeout only means the step asks again.
   */
  private static final long RESHAPE_STEP_TIMEOUT_MS = 60_000;

  private volatile GroupAdmin groups;
  private final LongSupplier clock;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  public NodeDriverContext(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public synchronized GroupMembership groups() {
    if (groups == null) {
      groups = new GroupAdmin();
    }
    return groups;
  }

  private ManagedChannel channelTo(ClusterMember member) {
    return channels.computeIfAbsent(member.host() + ":" + member.grpcPort(),
        address -> NettyChannelBuilder.forAddress(member.host(), member.grpcPort()).usePlaintext().build());
  }

  @Override
  public SplitDone splitShard(ClusterMember leader, SplitShardRequest request) {
    return askLeader(leader, "split " + request.getShardId(), stub -> stub.splitShard(request));
  }

  @Override
  public MergeStepDone mergeStep(ClusterMember leader, MergeStepRequest request) {
    return askLeader(leader, "apply the merge's " + request.getPhase() + " in " + request.getShardId(),
        stub -> stub.mergeStep(request));
  }

  /** One reshape step on a shard's leader; throws, saying why, when it did not take it. */
  private <T> T askLeader(ClusterMember leader, String what,
      java.util.function.Function<MetaServiceGrpc.MetaServiceBlockingStub, T> call) {
    try {
      return call.apply(MetaServiceGrpc.newBlockingStub(channelTo(leader))
          .withDeadlineAfter(RESHAPE_STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    } catch (StatusRuntimeException e) {
      throw new IllegalStateException(leader.name() + " did not " + what + ": "
          + (e.getStatus().getDescription() != null ? e.getStatus().getDescription() : e.getStatus().getCode()), e);
    }
  }

  @Override
  public Optional<ReplicaDescription> describe(ClusterMember member, String groupId) {
    ManagedChannel channel = channelTo(member);
    try {
      return Optional.of(MetaServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(DESCRIBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .describeReplica(DescribeReplicaRequest.newBuilder().setGroupId(groupId).build()));
    } catch (StatusRuntimeException e) {
      return Optional.empty(); // not started there yet, or the node is down: the step waits
    }
  }

  @Override
  public long nowMs() {
    return clock.getAsLong();
  }

  @Override
  public synchronized void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
    if (groups != null) {
      groups.close();
    }
  }
}
