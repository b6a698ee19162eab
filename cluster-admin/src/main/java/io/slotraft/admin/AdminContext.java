package io.slotraft.admin;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.function.Function;

/**
 * What the subcommands reach the world through: channels to a node, the clock they poll by, and the
 * Ctrl-C signal. {@link #standard()} is the real one; tests pass an in-process channel, a clock whose
 * sleep only advances it, and a Ctrl-C they press themselves.
 *
 * @param pollMs how often a command that follows an operation reads meta again
 * @param terminal whether progress goes to a terminal (bars that redraw) or to a log (one line per change)
 */
record AdminContext(Function<NodeAddressOption, ManagedChannel> channels, Ticker ticker, CtrlC ctrlC, long pollMs,
    boolean terminal) {

  static AdminContext standard() {
    return new AdminContext(
        node -> NettyChannelBuilder.forAddress(node.host(), node.port()).usePlaintext().build(),
        Ticker.SYSTEM, CtrlC.SHUTDOWN_HOOK, 500, System.console() != null);
  }

  MetaClient connect(NodeAddressOption node) {
    return new MetaClient(node.host() + ":" + node.port(), channels.apply(node));
  }
}
