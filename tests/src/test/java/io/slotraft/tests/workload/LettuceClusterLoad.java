package io.slotraft.tests.workload;

import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Lettuce's RedisClusterClient, one shared connection for all threads: each round SETs a new key and
 * GETs one written earlier. Only idempotent writes: after a reconnect Lettuce sends the commands it
 * had buffered for that node again, so a write may reach the server twice.
 *
 * <p>Options that let it ride out a failover: topology refresh every second and on every adaptive
 * trigger (MOVED, ASK, persistent reconnects, unknown node, uncovered slot), so the slot map follows
 * new leaders; auto-reconnect; many redirects allowed; a command timeout longer than a node's
 * absence, since a command written to the node that died waits in its buffer until that node is
 * back (or the topology refresh closes the stale connection and Lettuce re-routes it); and a
 * reconnect every 200 ms instead of the default exponential delay (up to 30 s), so that those
 * commands go out, and are redirected, as soon as the node listens again.
 *
 * <p>And one it needs beyond options: when a connection is <em>reset</em>, Lettuce fails the
 * command at the head of that connection's stack with the IOException ({@code
 * CommandHandler.exceptionCaught}) and re-queues only the others; when a connection is closed it
 * re-queues all of them (at-least-once, with auto-reconnect). The kernel resets the connections of a
 * SIGKILLed process that had unread input, so each thread with a command in flight to the killed
 * node would see one failure. {@link ResetAsClose}, installed through Lettuce's {@link
 * NettyCustomizer} hook, closes the channel on an IOException before Lettuce's handler sees it, so a
 * reset is handled like a close: that command too is sent again after the reconnect or re-route.
 */
public final class LettuceClusterLoad extends ClientLoad {
  private final ClientResources resources;
  private final RedisClusterClient client;
  private final StatefulRedisClusterConnection<String, String> connection;
  private final RedisAdvancedClusterCommands<String, String> redis;

  public LettuceClusterLoad(List<Integer> respPorts, int threads) {
    super("lettuce-cluster", threads);
    this.resources = DefaultClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(200)))
        .nettyCustomizer(new NettyCustomizer() {
      @Override
      public void afterChannelInitialized(Channel channel) {
        channel.pipeline().addFirst(new ResetAsClose());
      }
    }).build();
    this.client = RedisClusterClient.create(resources,
        respPorts.stream().map(port -> RedisURI.create("127.0.0.1", port)).toList());
    client.setDefaultTimeout(Duration.ofSeconds(60));
    ClusterTopologyRefreshOptions refresh = ClusterTopologyRefreshOptions.builder()
        .enablePeriodicRefresh(Duration.ofSeconds(1))
        .enableAllAdaptiveRefreshTriggers()
        .adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
        .closeStaleConnections(true)
        .build();
    client.setOptions(ClusterClientOptions.builder()
        .topologyRefreshOptions(refresh)
        .autoReconnect(true)
        .maxRedirects(20)
        .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(60)))
        .build());
    this.connection = client.connect();
    this.redis = connection.sync();
  }

  @Override
  protected void step(int thread, long round) {
    setThenReadEarlier("lettuce", "l", thread, round, redis::set, redis::get);
  }

  @Override
  protected void closeClient() {
    connection.close();
    client.shutdown();
    resources.shutdown();
  }

  /** First in the pipeline: an I/O error on the connection closes it, and goes no further. */
  private static final class ResetAsClose extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof IOException) {
        ctx.close();
      } else {
        ctx.fireExceptionCaught(cause);
      }
    }
  }
}
