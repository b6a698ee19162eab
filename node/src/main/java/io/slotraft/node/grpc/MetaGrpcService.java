package io.slotraft.node.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.slotraft.node.meta.MetaProtos;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.metagroup.MetaProposals;
import io.slotraft.node.metagroup.ProposalOutcome;
import io.slotraft.node.operation.rebalance.RebalancePlanning;
import io.slotraft.node.raft.ProposalException;
import io.slotraft.proto.v1.DescribeReplicaRequest;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.proto.v1.MetaServiceGrpc;
import io.slotraft.proto.v1.PlanRebalanceRequest;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.ProposeRequest;
import io.slotraft.proto.v1.RebalanceSpec;
import io.slotraft.proto.v1.ReplicaDescription;
import io.slotraft.proto.v1.SplitDone;
import io.slotraft.proto.v1.SplitShardRequest;
import io.slotraft.proto.v1.MergeStepDone;
import io.slotraft.proto.v1.MergeStepRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The internal {@code MetaService}, next to (not part of) the client API, on every node: other nodes
 * and the admin CLI read meta here and propose changes to it. A meta member reads its own replica;
 * any other node asks the meta members.
 */
public final class MetaGrpcService extends MetaServiceGrpc.MetaServiceImplBase {

  private final Supplier<CompletableFuture<MetaState>> linearizableRead;
  private final MetaProposals proposals;
  private final Function<String, Optional<ReplicaDescription>> localReplicas;
  private final ReshapeSteps reshapes;

  /**
   * Where split and merge entries are proposed: this node's leader replica of the request's shard.
   * Each fails with a {@link ProposalException} when it does not lead, with an {@link
   * IllegalArgumentException} for a step the shard refused.
   */
  public interface ReshapeSteps {
    CompletableFuture<SplitDone> split(SplitShardRequest request);

    CompletableFuture<MergeStepDone> merge(MergeStepRequest request);
  }

  /**
   * @param linearizableRead meta's state after a ReadIndex on some meta replica
   * @param proposals where Propose calls go
   * @param localReplicas this node's own replica of a group, by group id
   * @param reshapes has this node's leader replica of a shard propose a split's or merge's entry
   */
  public MetaGrpcService(Supplier<CompletableFuture<MetaState>> linearizableRead, MetaProposals proposals,
      Function<String, Optional<ReplicaDescription>> localReplicas, ReshapeSteps reshapes) {
    this.linearizableRead = linearizableRead;
    this.proposals = proposals;
    this.localReplicas = localReplicas;
    this.reshapes = reshapes;
  }

  @Override
  public void splitShard(SplitShardRequest request, StreamObserver<SplitDone> responses) {
    answer(() -> reshapes.split(request), responses);
  }

  @Override
  public void mergeStep(MergeStepRequest request, StreamObserver<MergeStepDone> responses) {
    answer(() -> reshapes.merge(request), responses);
  }

  /** Answers once a proposed reshape step is applied, or with what stopped it. */
  private static <T> void answer(Supplier<CompletableFuture<T>> step, StreamObserver<T> responses) {
    CompletableFuture<T> applied;
    try {
      applied = step.get();
    } catch (RuntimeException e) {
      applied = CompletableFuture.failedFuture(e);
    }
    applied.whenComplete((done, failure) -> {
      if (failure == null) {
        responses.onNext(done);
        responses.onCompleted();
        return;
      }
      Throwable cause = cause(failure);
      Status status = cause instanceof ProposalException proposal
          ? (proposal.kind() == ProposalException.Kind.NOT_LEADER ? Status.FAILED_PRECONDITION : Status.UNAVAILABLE)
          : cause instanceof IllegalArgumentException ? Status.INVALID_ARGUMENT : Status.INTERNAL;
      responses.onError(status.withDescription(String.valueOf(cause.getMessage())).asRuntimeException());
    });
  }

  @Override
  public void planRebalance(PlanRebalanceRequest request, StreamObserver<RebalanceSpec> responses) {
    if (request.getMaxConcurrentMoves() < 1) {
      responses.onError(Status.INVALID_ARGUMENT.withDescription("max_concurrent_moves must be at least 1")
          .asRuntimeException());
      return;
    }
    linearizableRead.get().whenComplete((state, failure) -> {
      if (failure != null) {
        responses.onError(Status.UNAVAILABLE
            .withDescription("this node cannot read meta now (" + cause(failure).getMessage() + "); ask another")
            .asRuntimeException());
        return;
      }
      try {
        responses.onNext(RebalancePlanning.plan(state, request.getMaxConcurrentMoves()));
        responses.onCompleted();
      } catch (IllegalArgumentException e) {
        responses.onError(Status.FAILED_PRECONDITION.withDescription("no plan: " + e.getMessage()).asRuntimeException());
      }
    });
  }

  @Override
  public void describeReplica(DescribeReplicaRequest request, StreamObserver<ReplicaDescription> responses) {
    Optional<ReplicaDescription> replica = localReplicas.apply(request.getGroupId());
    if (replica.isEmpty()) {
      responses.onError(Status.NOT_FOUND.withDescription("this node runs no replica of " + request.getGroupId())
          .asRuntimeException());
      return;
    }
    responses.onNext(replica.get());
    responses.onCompleted();
  }

  @Override
  public void getMetaState(GetMetaStateRequest request, StreamObserver<io.slotraft.proto.v1.MetaState> responses) {
    linearizableRead.get().whenComplete((state, failure) -> {
      if (failure != null) {
        responses.onError(Status.UNAVAILABLE
            .withDescription("this node cannot read meta now (" + cause(failure).getMessage() + "); ask another")
            .asRuntimeException());
      } else {
        responses.onNext(MetaProtos.state(state));
        responses.onCompleted();
      }
    });
  }

  @Override
  public void propose(ProposeRequest request, StreamObserver<ProposeReply> responses) {
    if (!request.hasCommand()) {
      responses.onError(Status.INVALID_ARGUMENT.withDescription("ProposeRequest has no command").asRuntimeException());
      return;
    }
    CompletableFuture<ProposalOutcome> outcome = request.getForwarded()
        ? proposals.proposeAsLeader(request.getCommand())
        : proposals.propose(request.getCommand());
    outcome.whenComplete((applied, failure) -> {
      if (failure != null) {
        Throwable cause = cause(failure);
        responses.onError(cause instanceof StatusRuntimeException status ? status
            : Status.UNAVAILABLE.withDescription(String.valueOf(cause.getMessage())).asRuntimeException());
      } else {
        responses.onNext(ProposeReply.newBuilder().setChanged(applied.changed())
            .setDescription(applied.description()).setEpoch(applied.epoch()).setOperationId(applied.operationId())
            .build());
        responses.onCompleted();
      }
    });
  }

  private static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
