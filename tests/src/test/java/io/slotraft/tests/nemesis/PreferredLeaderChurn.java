package io.slotraft.tests.nemesis;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.proto.v1.MetaServiceGrpc;
import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.ProposeRequest;
import io.slotraft.tests.harness.NodeProcess;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Topology changes in a loop for as long as the fault lasts: a random shard gets a random replica as
 * its preferred leader, proposed to meta through a random node as the admin CLI does it. Each change
 * raises the epoch, keeps meta's log busy (meta replication under load), and makes the shard's
 * leader hand over, so clients see leadership and epoch move under them.
 */
final class PreferredLeaderChurn implements Fault {
  private static final int INTERVAL_MS = 1_000;

  private final long seed;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger asked = new AtomicInteger();
  private final AtomicInteger changed = new AtomicInteger();
  private Thread thread;

  PreferredLeaderChurn(long seed) {
    this.seed = seed;
  }

  @Override
  public String describe() {
    return "preferred-leader changes (seed " + seed + ")";
  }

  @Override
  public void begin(FaultTarget target) {
    Random random = new Random(seed);
    running.set(true);
    thread = new Thread(() -> changeUntilEnded(target, random), "preferred-leader-churn");
    thread.setDaemon(true);
    thread.start();
    target.log().note("preferred-leader changes start");
  }

  private void changeUntilEnded(FaultTarget target, Random random) {
    while (running.get()) {
      List<NodeProcess> nodes = target.cluster().nodes().stream().filter(NodeProcess::isAlive).toList();
      if (!nodes.isEmpty()) {
        NodeProcess via = nodes.get(random.nextInt(nodes.size()));
        target.log().note("meta change through " + via.name() + ": " + changeOnce(via, random));
      }
      try {
        Thread.sleep(INTERVAL_MS / 2 + random.nextInt(INTERVAL_MS));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private String changeOnce(NodeProcess via, Random random) {
    ManagedChannel channel = NettyChannelBuilder.forAddress(via.host(), via.grpcPort()).usePlaintext().build();
    try {
      MetaServiceGrpc.MetaServiceBlockingStub meta = MetaServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(10, TimeUnit.SECONDS);
      MetaState state = meta.getMetaState(GetMetaStateRequest.newBuilder().setAskingNodeId("nemesis").build());
      MetaShard shard = state.getPlan().getShards(random.nextInt(state.getPlan().getShardsCount()));
      String replica = shard.getReplicaNodeIds(random.nextInt(shard.getReplicaNodeIdsCount()));
      asked.incrementAndGet();
      ProposeReply reply = meta.withDeadlineAfter(10, TimeUnit.SECONDS).propose(ProposeRequest.newBuilder()
          .setCommand(MetaEntries.setPreferredLeader(shard.getShardId(), replica)).build());
      if (reply.getChanged()) {
        changed.incrementAndGet();
      }
      return reply.getDescription();
    } catch (StatusRuntimeException e) {
      return "not taken: " + e.getStatus();
    } finally {
      channel.shutdownNow();
    }
  }

  @Override
  public void end(FaultTarget target) throws InterruptedException {
    running.set(false);
    thread.join(30_000);
    target.log().note("preferred-leader changes stop: " + changed.get() + " of " + asked.get() + " changed meta");
  }
}
