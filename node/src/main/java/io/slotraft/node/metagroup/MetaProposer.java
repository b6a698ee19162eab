package io.slotraft.node.metagroup;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.meta.MetaCommandException;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MetaServiceGrpc;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.ProposeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a meta command into meta's log from any node: a node whose meta replica leads proposes it
 * there; any other node forwards it to the meta members ({@code MetaService.Propose} with {@code
 * forwarded} set), the one it believes leads first. A forwarded command is proposed only by a
 * leader and never forwarded again, so a proposal makes at most one hop.
 *
 * <p>Futures fail with a gRPC {@link StatusRuntimeException}: INVALID_ARGUMENT for a command meta
 * must not see, FAILED_PRECONDITION for a forwarded command that reached a non-leader, UNAVAILABLE
 * when no meta member could take it (no quorum, or none reachable). A command that timed out may
 * still be applied; the commands proposed this way are safe to send again.
 */
public final class MetaProposer implements MetaProposals {
  private static final Logger LOG = LoggerFactory.getLogger(MetaProposer.class);
  /** One meta proposal commits in milliseconds; more means no quorum now. */
  public static final long PROPOSE_TIMEOUT_MS = 5_000;
  /** Times every member is asked before a forwarded command fails, and the pause between rounds. */
  static final int FORWARD_ROUNDS = 2;
  static final long FORWARD_ROUND_PAUSE_MS = 300;
  /** How a leader says a command it took timed out: it may still be committed. */
  private static final String MAY_STILL_APPLY = "it may still";

  private final Supplier<MetaReplica> local;
  private final MetaMemberChannels members;
  private final String selfNodeId;
  private final Executor forwarding;
  private volatile int lastAnswered;

  /**
   * @param local this node's meta replica now, or null while it holds none
   * @param members channels to every meta member (this node included when it is one)
   * @param forwarding where the blocking forwarding calls run
   */
  public MetaProposer(Supplier<MetaReplica> local, MetaMemberChannels members, String selfNodeId, Executor forwarding) {
    this.local = local;
    this.members = members;
    this.selfNodeId = selfNodeId;
    this.forwarding = forwarding;
  }

  @Override
  public CompletableFuture<ProposalOutcome> propose(MetaCommand command) {
    MetaReplica here = local.get();
    return checked(command, entry -> here != null && here.isLeader() ? proposeHere(here, entry)
        : CompletableFuture.supplyAsync(() -> forward(command), forwarding));
  }

  /** A command forwarded by another node: proposed here if this replica leads meta, else refused. */
  @Override
  public CompletableFuture<ProposalOutcome> proposeAsLeader(MetaCommand command) {
    MetaReplica local = this.local.get();
    return checked(command, entry -> {
      if (local != null && local.isLeader()) {
        return proposeHere(local, entry);
      }
      String leader = local == null ? "this node holds no meta replica" : local.leaderEndpoint()
          .map(endpoint -> "meta's leader is at Raft endpoint " + endpoint).orElse("meta has no leader now");
      return CompletableFuture.failedFuture(Status.FAILED_PRECONDITION
          .withDescription("not the meta leader (" + leader + ")").asRuntimeException());
    });
  }

  /** Runs {@code then} with the command's log entry, or fails with INVALID_ARGUMENT for one meta must not see. */
  private static CompletableFuture<ProposalOutcome> checked(MetaCommand command,
      Function<byte[], CompletableFuture<ProposalOutcome>> then) {
    byte[] entry;
    try {
      entry = MetaEntries.proposable(command);
    } catch (MetaCommandException e) {
      return CompletableFuture.failedFuture(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
    }
    return then.apply(entry);
  }

  private static CompletableFuture<ProposalOutcome> proposeHere(MetaReplica local, byte[] entry) {
    return local.propose(entry)
        .orTimeout(PROPOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .exceptionallyCompose(failure -> CompletableFuture.failedFuture(Status.UNAVAILABLE
            .withDescription("meta did not apply the command (" + failure + "); " + MAY_STILL_APPLY + "; try again")
            .asRuntimeException()));
  }

  private ProposalOutcome forward(MetaCommand command) {
    ProposeRequest request = ProposeRequest.newBuilder().setCommand(command).setForwarded(true)
        .setAskingNodeId(selfNodeId).build();
    List<String> refusals = new ArrayList<>();
    boolean mayBeCommitting = false;
    // A second round: a connection that broke under the call ("io exception"), or a leader that was
    // just changing, is usually fine a moment later. Not after a leader took the command and timed
    // out: it may still commit, and a second StartOperation would be refused as a duplicate.
    for (int round = 1; round <= FORWARD_ROUNDS && !mayBeCommitting; round++) {
      MetaMemberChannels.View members = this.members.current();
      for (int index : askingOrder(members)) {
        ClusterMember member = members.member(index);
        try {
          ProposeReply reply = MetaServiceGrpc.newBlockingStub(members.channel(index))
              .withDeadlineAfter(PROPOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
              .propose(request);
          lastAnswered = index;
          return new ProposalOutcome(reply.getChanged(), reply.getDescription(), reply.getEpoch(),
              reply.getOperationId());
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
            throw e; // the command itself is wrong: every member would say so
          }
          LOG.debug("meta member {} did not take a proposal: {}", member.name(), e.getStatus());
          mayBeCommitting |= e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED
              || e.getStatus().getDescription() != null && e.getStatus().getDescription().contains(MAY_STILL_APPLY);
          refusals.add(member.name() + ": " + e.getStatus().getCode()
              + (e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription()));
        }
      }
      if (round < FORWARD_ROUNDS && !mayBeCommitting && !pause(FORWARD_ROUND_PAUSE_MS)) {
        break;
      }
    }
    throw Status.UNAVAILABLE.withDescription("no meta member took the command: " + String.join("; ", refusals))
        .asRuntimeException();
  }

  /** False if interrupted (the interrupt is kept). */
  private static boolean pause(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The member this replica believes leads first, then the one that answered last, then the rest. */
  private List<Integer> askingOrder(MetaMemberChannels.View members) {
    List<Integer> order = new ArrayList<>();
    MetaReplica local = this.local.get();
    Optional<String> leader = local == null ? Optional.empty() : local.leaderEndpoint();
    for (int i = 0; i < members.size(); i++) {
      if (leader.isPresent() && members.member(i).raftEndpoint().equals(leader.get())) {
        order.add(i);
      }
    }
    int last = lastAnswered;
    if (last < members.size() && !order.contains(last)) {
      order.add(last);
    }
    for (int i = 0; i < members.size(); i++) {
      if (!order.contains(i)) {
        order.add(i);
      }
    }
    // This node's own replica does not lead (else propose() would not forward): asking it is a wasted hop.
    order.removeIf(i -> members.member(i).nodeId().equals(selfNodeId));
    return order;
  }
}
