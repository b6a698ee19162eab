package io.slotraft.node.resp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.session.ServerStats;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What redis-benchmark -P 16 does to a connection: sixteen commands in one read, their answers
 * arriving together from another thread. They must leave in one flush, not sixteen. Runs on a real
 * event loop (Netty's in-JVM transport), as EmbeddedChannel runs tasks inside write() and so cannot
 * show how flushes batch.
 */
class FlushBatchingTest {
  private final EventLoopGroup loop = new DefaultEventLoopGroup(1);
  private final ScriptedDispatcher dispatcher = new ScriptedDispatcher();
  private final AtomicInteger flushes = new AtomicInteger();
  private final StringBuffer received = new StringBuffer();

  @AfterEach
  void stop() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void sixteenAnswersArrivingTogetherLeaveInOneFlush() throws Exception {
    Channel client = connect();
    for (int i = 0; i < 16; i++) {
      client.write(List.of("GET".getBytes(UTF_8), ("k" + i).getBytes(UTF_8)));
    }
    client.flush();
    waitUntil(() -> dispatcher.calls.size() == 16);
    int flushesBefore = flushes.get();

    // Hold the event loop while the answers come in, as a busy loop would be.
    CountDownLatch release = new CountDownLatch(1);
    loop.execute(() -> awaitQuietly(release));
    for (ScriptedDispatcher.Call call : dispatcher.calls) {
      call.reply(Replies.bulk("v"));
    }
    release.countDown();

    waitUntil(() -> received.length() == 16 * "$1\r\nv\r\n".length());
    assertEquals("$1\r\nv\r\n".repeat(16), received.toString());
    assertEquals(flushesBefore + 1, flushes.get());
  }

  private Channel connect() throws InterruptedException {
    LocalAddress address = new LocalAddress("resp-flush-" + System.nanoTime());
    RespServices services = new RespServices(dispatcher, ScriptedDispatcher.CLASSIFIER, new ServerStats(0),
        ConcurrentHashMap.newKeySet());
    new ServerBootstrap().group(loop).channel(LocalServerChannel.class)
        .childHandler(new ChannelInitializer<LocalChannel>() {
          @Override
          protected void initChannel(LocalChannel channel) {
            channel.pipeline().addLast(new FlushCounter(), new RespConnectionHandler(services));
          }
        })
        .bind(address).sync();
    return new Bootstrap().group(loop).channel(LocalChannel.class).handler(new ReplyCollector())
        .connect(address).sync().channel();
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out");
      Thread.sleep(1);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class FlushCounter extends ChannelOutboundHandlerAdapter {
    @Override
    public void flush(ChannelHandlerContext ctx) {
      flushes.incrementAndGet();
      ctx.flush();
    }
  }

  private final class ReplyCollector extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf bytes = (ByteBuf) msg;
      received.append(bytes.toString(UTF_8));
      bytes.release();
    }
  }
}
