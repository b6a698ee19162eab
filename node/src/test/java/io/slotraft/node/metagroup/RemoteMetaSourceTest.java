package io.slotraft.node.metagroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.grpc.MetaGrpcService;
import io.slotraft.node.meta.BootstrapPlan;
import io.slotraft.node.meta.MetaEntries;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.meta.MetaStateMachine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a node without a meta replica reads meta: over real loopback gRPC, from whichever meta member
 * answers, past members that are down or cannot reach a meta quorum.
 */
class RemoteMetaSourceTest {
  private final List<Server> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(Server::shutdownNow);
  }

  private static MetaState bootstrapped() {
    return bootstrapped(List.of(member("n1", 1), member("n2", 2), member("n3", 3)));
  }

  /** Meta bootstrapped with {@code members}, the first three of which are meta's voters. */
  private static MetaState bootstrapped(List<ClusterMember> members) {
    MetaStateMachine meta = new MetaStateMachine();
    meta.apply(4, MetaEntries.bootstrap(BootstrapPlan.fromConfig(members, 12, 3), members.get(0).nodeId()));
    return meta.state();
  }

  static ClusterMember member(String name, int grpcPort) {
    return new ClusterMember(String.format("%040x", name.hashCode()), name, "127.0.0.1", 1, grpcPort, 3, 4);
  }

  /** A meta member answering with what {@code reads} gives; returns its gRPC port. */
  private int metaMember(Supplier<CompletableFuture<MetaState>> reads) throws IOException {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new MetaGrpcService(reads, MetaProposerTest.refusingProposals(),
            groupId -> java.util.Optional.empty(),
            MetaProposerTest.unusedReshapes())).build().start();
    servers.add(server);
    return server.getPort();
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void readsFromTheFirstMemberThatAnswersPastOneThatIsDownAndOneWithoutQuorum() throws IOException {
    MetaState state = bootstrapped();
    int down = closedPort();
    int noQuorum = metaMember(() -> CompletableFuture.failedFuture(new IllegalStateException("no leader")));
    int healthy = metaMember(() -> CompletableFuture.completedFuture(state));
    try (MetaMemberChannels channels = new MetaMemberChannels(
            List.of(member("n1", down), member("n2", noQuorum), member("n3", healthy)));
        RemoteMetaSource source = new RemoteMetaSource(channels, "asker")) {
      assertEquals(state, source.read().orElseThrow());
      assertEquals(List.of("n1", "n2", "n3"), channels.members().stream().map(ClusterMember::name).toList(),
          "meta's voters, as meta records them, are asked from now on");
    }
  }

  @Test
  void followsMetasVotersAsMetaRecordsThem() throws IOException {
    AtomicReference<MetaState> answer = new AtomicReference<>();
    int configured = metaMember(() -> CompletableFuture.completedFuture(answer.get()));
    int voter = metaMember(() -> CompletableFuture.completedFuture(answer.get()));
    // Meta's voters are no longer the configured member: a drain moved its vote elsewhere.
    MetaState moved = bootstrapped(List.of(member("n5", voter), member("n6", closedPort()), member("n7", closedPort()),
        member("n1", configured)));
    answer.set(moved);
    try (MetaMemberChannels channels = new MetaMemberChannels(List.of(member("n1", configured)));
        RemoteMetaSource source = new RemoteMetaSource(channels, "asker")) {
      assertEquals(moved, source.read().orElseThrow());
      assertEquals(List.of("n5", "n6", "n7"), channels.members().stream().map(ClusterMember::name).toList());
      assertEquals(moved, source.read().orElseThrow(), "read from the voter that answers");
    }
  }

  @Test
  void answersNothingWhenNoMemberCanReadMeta() throws IOException {
    int noQuorum = metaMember(() -> CompletableFuture.failedFuture(new IllegalStateException("no leader")));
    try (MetaMemberChannels channels = new MetaMemberChannels(List.of(member("n1", closedPort()),
            member("n2", noQuorum)));
        RemoteMetaSource source = new RemoteMetaSource(channels, "asker")) {
      assertTrue(source.read().isEmpty());
    }
  }
}
