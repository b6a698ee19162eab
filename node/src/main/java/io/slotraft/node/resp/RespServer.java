package io.slotraft.node.resp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's RESP port. Each accepted connection gets a {@link RespDecoder} and a {@link
 * RespConnectionHandler}. Uses epoll where Netty's native transport loads, NIO elsewhere.
 */
public final class RespServer implements AutoCloseable {
  /** Enough for a node whose commands mostly wait on Raft, not on the I/O threads. */
  public static final int DEFAULT_WORKER_THREADS = 2;
  /** Redis's default tcp-backlog. */
  private static final int BACKLOG = 511;
  private static final Logger log = LoggerFactory.getLogger(RespServer.class);

  private final String host;
  private final int requestedPort;
  private final int workerThreads;
  private final RespServices services;
  private EventLoopGroup bossGroup;
  private EventLoopGroup workerGroup;
  private Channel serverChannel;

  /**
   * @param port 0 picks a free port; see {@link #port()}
   * @param workerThreads event-loop threads for connections, e.g. {@link #DEFAULT_WORKER_THREADS}
   */
  public RespServer(String host, int port, int workerThreads, RespServices services) {
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1, not " + workerThreads);
    }
    this.host = host;
    this.requestedPort = port;
    this.workerThreads = workerThreads;
    this.services = services;
  }

  /** Binds the port; throws IllegalStateException (with the cause) if it cannot. */
  public synchronized void start() {
    if (serverChannel != null) {
      throw new IllegalStateException("RESP server already started");
    }
    boolean epoll = Epoll.isAvailable();
    bossGroup = newGroup(epoll, 1, "resp-accept");
    workerGroup = newGroup(epoll, workerThreads, "resp-io");
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(bossGroup, workerGroup)
        .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, BACKLOG)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast("resp-decoder", new RespDecoder())
                .addLast("resp-connection", new RespConnectionHandler(services));
          }
        });
    ChannelFuture bound = bootstrap.bind(host, requestedPort).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutDownGroups();
      throw new IllegalStateException("cannot listen for RESP on " + host + ":" + requestedPort, bound.cause());
    }
    serverChannel = bound.channel();
    log.info("RESP listening on {}:{} ({}, {} I/O threads)", host, port(), epoll ? "epoll" : "nio", workerThreads);
  }

  /** The bound port: the requested one, or the one picked for port 0. */
  public synchronized int port() {
    if (serverChannel == null) {
      throw new IllegalStateException("RESP server not started");
    }
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Stops accepting, closes every connection and waits briefly for the threads to end. */
  @Override
  public synchronized void close() {
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly();
    }
    shutDownGroups();
  }

  private void shutDownGroups() {
    for (EventLoopGroup group : new EventLoopGroup[] {bossGroup, workerGroup}) {
      if (group != null) {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
      }
    }
  }

  private static EventLoopGroup newGroup(boolean epoll, int threads, String name) {
    DefaultThreadFactory factory = new DefaultThreadFactory(name);
    return epoll ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
  }
}
