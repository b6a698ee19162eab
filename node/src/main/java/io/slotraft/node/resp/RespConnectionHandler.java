package io.slotraft.node.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.session.ClientSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: feeds the decoder's commands to a {@link CommandQueue} and writes the
 * replies back in request order, in RESP2 or RESP3 as the session asks.
 *
 * <p>Flushing: replies answered while a read is being handled are flushed once, on
 * channelReadComplete; replies answered later (futures completing on other threads) are flushed by
 * one task queued behind them, so a burst of completions costs one flush, not one per reply.
 *
 * <p>Back-pressure, so that a client that sends without reading costs bounded memory: while the
 * socket's outbound buffer is above its high-water mark, no more commands are dispatched; with
 * {@code maxInFlight} commands received and not yet answered, the socket is no longer read until
 * half of them are written. A connection then holds at most about {@code maxInFlight} requests
 * plus one socket read, {@code maxInFlight} replies, and the outbound buffer.
 */
public final class RespConnectionHandler extends ChannelInboundHandlerAdapter {
  /** Replies are written in buffers of about this size, so writability is checked between them. */
  private static final int WRITE_BATCH_BYTES = 64 * 1024;
  private static final Logger log = LoggerFactory.getLogger(RespConnectionHandler.class);

  private final RespServices services;
  private final Runnable flushTask = this::flushNow;
  private ChannelHandlerContext ctx;
  private ClientSession session;
  private CommandQueue queue;
  private boolean unflushed;
  private boolean flushScheduled;
  private boolean closing;

  public RespConnectionHandler(RespServices services) {
    this.services = services;
  }

  /** The connection's session; null before the channel is active. */
  public ClientSession session() {
    return session;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    session = new ClientSession(address(ctx.channel().remoteAddress()), address(ctx.channel().localAddress()),
        System.currentTimeMillis());
    // Redis clients give up on TRYAGAIN, so their commands wait out an election (bounded).
    session.setHoldsWhileLeaderless(true);
    queue = new CommandQueue(session, services.dispatcher(), services.kinds(), ctx.executor(),
        this::answeredLater, services.maxInFlight());
    services.clients().add(session);
    services.stats().connectionOpened();
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closing = true;
    session.markDisconnected();
    services.clients().remove(session);
    queue.abandon();
    super.channelInactive(ctx);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!queue.acceptsInput()) {
      ReferenceCountUtil.release(msg); // after QUIT or a protocol error, input is ignored
    } else if (msg instanceof List<?> argv) {
      queue.add((List<byte[]>) argv);
    } else if (msg instanceof RespProtocolError error) {
      queue.endInput(Replies.error("ERR " + error.message()));
    } else {
      ReferenceCountUtil.release(msg);
      throw new IllegalArgumentException("not a RESP request: " + msg.getClass().getName());
    }
    applyBackPressure();
  }

  /** Replies answered while reading go out here, in one write and one flush per read. */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    writeAnswered();
    flushNow();
  }

  /** The client read some replies: dispatch what waited for room in the output. */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (!closing && ctx.channel().isWritable()) {
      queue.setOutputBlocked(false);
      answeredLater();
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("RESP client {} connection failed: {}", session == null ? "?" : session.id(), cause.toString());
    } else {
      log.warn("RESP client {} failed; closing its connection", session == null ? "?" : session.id(), cause);
    }
    closing = true;
    ctx.close();
  }

  /** On the event loop, when replies may be ready outside channelRead. */
  private void answeredLater() {
    writeAnswered();
    if (unflushed && !flushScheduled) {
      flushScheduled = true;
      ctx.executor().execute(flushTask);
    }
  }

  /** Writes the replies now ready at the head of the queue; closes when all is said. */
  private void writeAnswered() {
    if (closing) {
      return;
    }
    ByteBuf out = null;
    for (PendingCommand done = queue.pollAnswered(); done != null; done = queue.pollAnswered()) {
      if (out == null) {
        out = ctx.alloc().ioBuffer();
      }
      RespEncoder.encode(done.reply(), done.protocol(), out);
      if (out.readableBytes() >= WRITE_BATCH_BYTES) {
        write(out);
        out = null;
      }
    }
    if (out != null) {
      write(out);
    }
    if (queue.finished()) {
      closing = true;
      unflushed = false;
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    applyBackPressure();
  }

  private void write(ByteBuf replies) {
    ctx.write(replies);
    unflushed = true;
    if (!ctx.channel().isWritable()) {
      queue.setOutputBlocked(true); // until channelWritabilityChanged says the client caught up
    }
  }

  private void flushNow() {
    flushScheduled = false;
    if (unflushed) {
      unflushed = false;
      ctx.flush();
    }
  }

  private void applyBackPressure() {
    ChannelConfig config = ctx.channel().config();
    int unanswered = queue.size();
    if (config.isAutoRead()) {
      if (!queue.acceptsInput() || unanswered >= services.maxInFlight()) {
        config.setAutoRead(false);
      }
    } else if (queue.acceptsInput() && unanswered <= services.maxInFlight() / 2) {
      config.setAutoRead(true); // half-way down, so that reading is not toggled on every reply
    }
  }

  /** "ip:port", as CLIENT LIST shows it. */
  private static String address(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      return inet.getHostString() + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }
}
