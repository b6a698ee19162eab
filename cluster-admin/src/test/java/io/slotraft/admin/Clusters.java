package io.slotraft.admin;

import io.slotraft.proto.v1.ClusterPlan;
import io.slotraft.proto.v1.DrainNodeSpec;
import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.MoveReplicaSpec;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NodeReport;
import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.OperationStatus;
import io.slotraft.proto.v1.RebalanceSpec;
import io.slotraft.proto.v1.ShardReport;
import io.slotraft.proto.v1.StepRecord;

/**
 * Hand-built meta states for the tests: four members n1-n4, shards s1-s3 with three voters each on
 * n1-n3, n4 holding nothing; operations built step by step.
 */
final class Clusters {
  static final long MIB = 1 << 20;

  private Clusters() {}

  static NodeAddress node(int i) {
    return NodeAddress.newBuilder().setNodeId(id(i)).setName("n" + i).setHost("127.0.0.1")
        .setRespPort(7000 + i).setGrpcPort(7100 + i).setRaftPort(7200 + i).setHttpPort(7300 + i).build();
  }

  static String id(int i) {
    return String.format("%040x", i);
  }

  static MetaShard shard(int i, int slotStart, int slotEnd, int... voters) {
    MetaShard.Builder shard = MetaShard.newBuilder().setShardId("s" + i).setSlotStart(slotStart).setSlotEnd(slotEnd);
    for (int voter : voters) {
      shard.addReplicaNodeIds(id(voter));
    }
    return shard.build();
  }

  /** Four members, three shards on n1-n3 (each led by its preferred leader, reported), nothing running. */
  static MetaState fourNodes() {
    ClusterPlan plan = ClusterPlan.newBuilder()
        .addNodes(node(1)).addNodes(node(2)).addNodes(node(3)).addNodes(node(4)).setReplicationFactor(3)
        .addShards(shard(1, 0, 5460, 1, 2, 3))
        .addShards(shard(2, 5461, 10922, 2, 3, 1))
        .addShards(shard(3, 10923, 16383, 3, 1, 2))
        .addAllMetaVoterNodeIds(java.util.List.of(id(1), id(2), id(3)))
        .build();
    MetaState.Builder state = MetaState.newBuilder().setBootstrapped(true).setEpoch(7).setPlan(plan)
        .setAppliedIndex(40);
    for (int i = 1; i <= 3; i++) {
      state.addReports(NodeReport.newBuilder().setNodeId(id(i)).setReportedAtMs(1_000_000 - 3_000)
          .addShards(ShardReport.newBuilder().setShardId("s" + i).setLeader(true)));
    }
    return state.build();
  }

  static OperationSpec move(String shardId, int from, int to) {
    return OperationSpec.newBuilder().setMoveReplica(MoveReplicaSpec.newBuilder().setShardId(shardId)
        .setFromNodeId(id(from)).setToNodeId(id(to))).build();
  }

  static OperationSpec drain(int node, int maxConcurrentMoves) {
    return OperationSpec.newBuilder().setDrainNode(DrainNodeSpec.newBuilder().setNodeId(id(node))
        .setMaxConcurrentMoves(maxConcurrentMoves)).build();
  }

  static OperationSpec rebalance(int maxConcurrentMoves) {
    return OperationSpec.newBuilder().setRebalance(RebalanceSpec.newBuilder().setMaxConcurrentMoves(maxConcurrentMoves))
        .build();
  }

  /** A running operation at {@code step}, started at {@code startedAtMs}. */
  static Operation.Builder running(long id, OperationSpec spec, String step, long startedAtMs) {
    return Operation.newBuilder().setId(id).setSpec(spec).setStep(step)
        .setStatus(OperationStatus.OPERATION_RUNNING).setStartedAtMs(startedAtMs).setUpdatedAtMs(startedAtMs);
  }

  /** The operation after it finished {@code step} at {@code atMs} and moved to {@code next}. */
  static Operation.Builder advanced(Operation.Builder op, String next, long atMs, String detail) {
    return op.clone().addHistory(StepRecord.newBuilder().setStep(op.getStep()).setAtMs(atMs).setDetail(detail))
        .setStep(next).setUpdatedAtMs(atMs).setDetail(detail);
  }

  static Operation.Builder ended(Operation.Builder op, OperationStatus status, long atMs, String detail) {
    return op.clone().addHistory(StepRecord.newBuilder().setStep(op.getStep()).setAtMs(atMs).setDetail(detail))
        .setStatus(status).setFinishedAtMs(atMs).setUpdatedAtMs(atMs).setDetail(detail);
  }

  static MetaState with(MetaState state, Operation.Builder... operations) {
    MetaState.Builder builder = state.toBuilder().clearOperations();
    for (Operation.Builder op : operations) {
      builder.addOperations(op.build());
    }
    return builder.build();
  }
}
