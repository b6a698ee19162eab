package io.slotraft.node.metagroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.slotraft.node.grpc.MetaGrpcService;
import io.slotraft.node.meta.ClusterTopology;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.proto.v1.MetaCommand;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a node without the meta leadership gets a command into meta: over real loopback gRPC, to the
 * one member that leads, past a member that is down and one that does not lead; a forwarded command
 * is never forwarded again, and a command meta must not see never leaves the node.
 */
class MetaProposerTest {
  private final List<Server> servers = new ArrayList<>();
  private final ExecutorService forwarding = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    servers.forEach(Server::shutdownNow);
    forwarding.shutdownNow();
  }

  /** A meta member that is not the leader: refuses forwarded commands, as MetaProposer does there. */
  static MetaProposals refusingProposals() {
    return new MetaProposals() {
      @Override
      public CompletableFuture<ProposalOutcome> propose(MetaCommand command) {
        return CompletableFuture.failedFuture(Status.UNAVAILABLE.withDescription("no quorum").asRuntimeException());
      }

      @Override
      public CompletableFuture<ProposalOutcome> proposeAsLeader(MetaCommand command) {
        return CompletableFuture.failedFuture(
            Status.FAILED_PRECONDITION.withDescription("not the meta leader").asRuntimeException());
      }
    };
  }

  /** The meta leader: takes forwarded commands and counts them; a plain propose would be a second hop. */
  private static MetaProposals leader(AtomicInteger taken, AtomicInteger plain) {
    return new MetaProposals() {
      @Override
      public CompletableFuture<ProposalOutcome> propose(MetaCommand command) {
        plain.incrementAndGet();
        return CompletableFuture.failedFuture(Status.INTERNAL.withDescription("forwarded again").asRuntimeException());
      }

      @Override
      public CompletableFuture<ProposalOutcome> proposeAsLeader(MetaCommand command) {
        taken.incrementAndGet();
        return CompletableFuture.completedFuture(new ProposalOutcome(true,
            "took " + command.getSetPreferredLeader().getShardId(), 2));
      }
    };
  }

  /** Reshape steps for a member no test asks to split or merge. */
  static io.slotraft.node.grpc.MetaGrpcService.ReshapeSteps unusedReshapes() {
    return new io.slotraft.node.grpc.MetaGrpcService.ReshapeSteps() {
      @Override
      public CompletableFuture<io.slotraft.proto.v1.SplitDone> split(io.slotraft.proto.v1.SplitShardRequest request) {
        return CompletableFuture.failedFuture(new IllegalStateException("unused"));
      }

      @Override
      public CompletableFuture<io.slotraft.proto.v1.MergeStepDone> merge(io.slotraft.proto.v1.MergeStepRequest request) {
        return CompletableFuture.failedFuture(new IllegalStateException("unused"));
      }
    };
  }

  private int member(MetaProposals proposals) throws IOException {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new MetaGrpcService(() -> CompletableFuture.failedFuture(new IllegalStateException("unused")),
            proposals, groupId -> java.util.Optional.empty(), unusedReshapes()))
        .build().start();
    servers.add(server);
    return server.getPort();
  }

  @Test
  void forwardsToTheLeaderPastAMemberThatIsDownAndOneThatDoesNotLead() throws Exception {
    AtomicInteger taken = new AtomicInteger();
    AtomicInteger plain = new AtomicInteger();
    int down = RemoteMetaSourceTest.closedPort();
    int follower = member(refusingProposals());
    int leader = member(leader(taken, plain));
    try (MetaMemberChannels channels = new MetaMemberChannels(List.of(RemoteMetaSourceTest.member("n1", down),
        RemoteMetaSourceTest.member("n2", follower), RemoteMetaSourceTest.member("n3", leader)))) {
      MetaProposer proposer = new MetaProposer(() -> null, channels, "asker", forwarding);
      ProposalOutcome outcome = proposer.propose(MetaEntries.setPreferredLeader("s3", "n2-id")).get(30, TimeUnit.SECONDS);
      assertEquals(new ProposalOutcome(true, "took s3", 2), outcome);
      assertEquals(1, taken.get());
      assertEquals(0, plain.get(), "a forwarded command goes one hop");
    }
  }

  @Test
  void answersUnavailableWithEveryMembersReasonWhenNoneLeads() throws Exception {
    int follower = member(refusingProposals());
    try (MetaMemberChannels channels = new MetaMemberChannels(List.of(
        RemoteMetaSourceTest.member("n1", RemoteMetaSourceTest.closedPort()), RemoteMetaSourceTest.member("n2", follower)))) {
      MetaProposer proposer = new MetaProposer(() -> null, channels, "asker", forwarding);
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> proposer.propose(MetaEntries.setPreferredLeader("s1", "x")).get(30, TimeUnit.SECONDS));
      StatusRuntimeException status = assertInstanceOf(StatusRuntimeException.class, failure.getCause());
      assertEquals(Status.Code.UNAVAILABLE, status.getStatus().getCode());
      assertTrue(status.getStatus().getDescription().contains("n2: FAILED_PRECONDITION not the meta leader"),
          status.getStatus().getDescription());
    }
  }

  @Test
  void aBootstrapOrAnUnreadableCommandNeverLeavesTheNode() throws Exception {
    AtomicInteger taken = new AtomicInteger();
    int leader = member(leader(taken, new AtomicInteger()));
    try (MetaMemberChannels channels = new MetaMemberChannels(List.of(RemoteMetaSourceTest.member("n1", leader)))) {
      MetaProposer proposer = new MetaProposer(() -> null, channels, "asker", forwarding);
      MetaCommand bootstrap = MetaCommand.parseFrom(MetaEntries.bootstrap(ClusterTopology.NONE, "x"));
      MetaCommand future = MetaEntries.setPreferredLeader("s1", "x").toBuilder().setFormatVersion(99).build();
      MetaCommand underDeclared = MetaEntries.setPreferredLeader("s1", "x").toBuilder().setFormatVersion(1).build();
      for (MetaCommand command : List.of(bootstrap, future, underDeclared, MetaCommand.getDefaultInstance())) {
        ExecutionException failure = assertThrows(ExecutionException.class,
            () -> proposer.propose(command).get(30, TimeUnit.SECONDS));
        assertEquals(Status.Code.INVALID_ARGUMENT,
            ((StatusRuntimeException) failure.getCause()).getStatus().getCode(), command.toString());
      }
      assertEquals(0, taken.get());
    }
  }
}
