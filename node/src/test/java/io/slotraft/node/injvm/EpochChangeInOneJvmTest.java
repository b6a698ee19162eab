package io.slotraft.node.injvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.slotraft.client.SlotraftClient;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.node.Await;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NodeReport;
import io.slotraft.proto.v1.ProposeReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topology change seen end to end, on three real nodes hosting six shards in this JVM: an operator
 * makes another replica a shard's preferred leader (what the admin CLI sends, through a node that
 * forwards it to meta's leader); meta's epoch goes from 1 to 2; the old leader hands leadership
 * over; the smart client, writing the whole time, comes to route by epoch 2 and to the new leader,
 * and no write fails or is lost on the way. The nodes' reports to meta show the move too.
 */
class EpochChangeInOneJvmTest {
  @TempDir
  Path root;
  private InJvmCluster cluster;
  private MetaCalls meta;

  @AfterEach
  void stop() {
    if (meta != null) {
      meta.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private MetaState metaState(int node) {
    return meta.state(node);
  }

  private ProposeReply propose(int node, MetaCommand command) {
    return meta.propose(node, command);
  }

  /** Whether meta's latest report from {@code nodeId} says it leads {@code shardId}. */
  private boolean reportsLeading(String nodeId, String shardId) {
    for (NodeReport report : metaState(0).getReportsList()) {
      if (report.getNodeId().equals(nodeId)) {
        return report.getShardsList().stream().anyMatch(s -> s.getShardId().equals(shardId) && s.getLeader());
      }
    }
    return false;
  }

  private static String keyIn(MetaShard shard) {
    for (int i = 0; ; i++) {
      int slot = SlotHash.slot(("counter:" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (slot >= shard.getSlotStart() && slot <= shard.getSlotEnd()) {
        return "counter:" + i;
      }
    }
  }

  @Test
  void anotherPreferredLeaderRaisesTheEpochMovesTheLeaderAndTheSmartClientFollowsLosingNothing() throws Exception {
    cluster = InJvmCluster.start(root, 3, 6);
    meta = new MetaCalls(cluster);
    MetaState before = metaState(0);
    assertEquals(1, before.getEpoch());
    MetaShard shard = before.getPlan().getShards(1);
    String preferred = shard.getReplicaNodeIds(0);
    String target = shard.getReplicaNodeIds(2);
    NodeAddress targetNode = before.getPlan().getNodesList().stream()
        .filter(n -> n.getNodeId().equals(target)).findFirst().orElseThrow();
    String key = keyIn(shard);
    int slot = SlotHash.slot(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    // Every node reports to meta, and the balancer has put the shard on its preferred leader.
    Await.until("every node reported, and the preferred leader leads " + shard.getShardId(), Duration.ofSeconds(60),
        () -> metaState(0).getReportsCount() == 3 && reportsLeading(preferred, shard.getShardId()));

    List<String> seeds = cluster.grpcPorts().stream().map(port -> "127.0.0.1:" + port).toList();
    try (SlotraftClient client = SlotraftClient.builder().seeds(seeds.toArray(String[]::new)).build()) {
      client.sync().set("warm", "up");
      assertEquals(1, client.slotMap().epoch());

      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong acknowledged = new AtomicLong();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer = new Thread(() -> {
        while (writing.get() && failure.get() == null) {
          try {
            client.sync().incr(key);
            acknowledged.incrementAndGet();
          } catch (RuntimeException e) {
            failure.set(e);
          }
        }
      }, "writer");
      writer.start();
      Await.until("some writes before the change", Duration.ofSeconds(30), () -> acknowledged.get() >= 50);

      // Through the third node, which forwards it to meta's leader unless it is the leader itself.
      ProposeReply reply = propose(2, MetaEntries.setPreferredLeader(shard.getShardId(), target));
      assertTrue(reply.getChanged(), reply.getDescription());
      assertEquals(2, reply.getEpoch());

      Endpoint targetEndpoint = new Endpoint(targetNode.getHost(), targetNode.getGrpcPort());
      Await.until("the smart client routes " + shard.getShardId() + " to its new preferred leader at epoch 2",
          Duration.ofSeconds(60), () -> client.slotMap().epoch() == 2
              && targetEndpoint.equals(client.slotMap().shardOf(slot).leader()));
      long atMove = acknowledged.get();
      Await.until("writes go on after the move", Duration.ofSeconds(30), () -> acknowledged.get() >= atMove + 50);
      writing.set(false);
      writer.join(30_000);
      assertEquals(null, failure.get(), "no write failed through the change");
      assertEquals(acknowledged.get(), Long.parseLong(new String(client.sync().get(key.getBytes()))),
          "every acknowledged INCR applied exactly once");

      // Steady state at the new epoch: straight to the leader, no redirect.
      long redirects = client.metrics().redirects();
      for (int i = 0; i < 200; i++) {
        client.sync().incr(key);
      }
      assertEquals(redirects, client.metrics().redirects());
    }
    Await.until("meta's reports show the new leader", Duration.ofSeconds(30),
        () -> reportsLeading(target, shard.getShardId()) && !reportsLeading(preferred, shard.getShardId()));
    MetaState after = metaState(1);
    assertEquals(2, after.getEpoch());
    assertEquals(target, after.getPlan().getShards(1).getReplicaNodeIds(0));
    assertEquals(before.getPlan().getShards(0), after.getPlan().getShards(0), "other shards untouched");

    // Asking again changes nothing; a replica that is not there is refused; both keep the epoch.
    ProposeReply again = propose(0, MetaEntries.setPreferredLeader(shard.getShardId(), target));
    assertFalse(again.getChanged());
    assertEquals(2, again.getEpoch());
    ProposeReply notThere = propose(1, MetaEntries.setPreferredLeader("no-such-shard", target));
    assertFalse(notThere.getChanged());
    assertTrue(notThere.getDescription().contains("no shard no-such-shard"), notThere.getDescription());
    // A command meta must never log is refused before it reaches the log.
    MetaCommand bootstrap = MetaCommand.newBuilder().setFormatVersion(1)
        .setBootstrap(io.slotraft.proto.v1.Bootstrap.getDefaultInstance()).build();
    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> propose(1, bootstrap));
    assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
    assertEquals(2, metaState(2).getEpoch());
  }
}
