package io.slotraft.node.dispatch;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.catalog.KeyspaceHandler;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.AsyncSessionHandler;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.CommandDispatcher;
import io.slotraft.node.session.MultiState;
import io.slotraft.node.session.NodeServices;
import io.slotraft.node.session.SessionHandler;
import io.slotraft.node.statemachine.ClientSequence;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of every command on this node: catalog lookup, arity, then either the node itself
 * (session commands) or a shard ({@link KeyRouting}). Records per-command stats.
 */
public final class NodeCommandDispatcher implements CommandDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NodeCommandDispatcher.class);

  private final CommandCatalog catalog;
  private final NodeServices node;
  private final KeyRouting routing;
  private final TransactionRunner transactions;
  private final LongSupplier clock;

  public NodeCommandDispatcher(CommandCatalog catalog, NodeServices node, KeyRouting routing, LongSupplier clock) {
    this.catalog = catalog;
    this.node = node;
    this.routing = routing;
    this.transactions = new TransactionRunner(routing, this::execute);
    this.clock = clock;
  }

  /** Adds MULTI, EXEC, DISCARD, WATCH and UNWATCH, which this dispatcher runs, to a catalog. */
  public static void registerTransactions(CommandCatalog.Builder builder) {
    TransactionVerb.register(builder);
  }

  @Override
  public CompletableFuture<Reply> dispatch(ClientSession session, List<byte[]> argv) {
    return dispatch(session, argv, null);
  }

  @Override
  public CompletableFuture<Reply> dispatch(ClientSession session, List<byte[]> argv, ClientSequence client) {
    if (argv.isEmpty()) {
      return CompletableFuture.completedFuture(ErrorReplies.unknownCommand("", argv));
    }
    String name = new String(argv.get(0), StandardCharsets.UTF_8);
    CommandSpec spec = catalog.lookup(name);
    MultiState multi = session.multi();
    if (spec == null) {
      multi.markDirtyIfOpen();
      return CompletableFuture.completedFuture(ErrorReplies.unknownCommand(name, argv.subList(1, argv.size())));
    }
    if (!spec.acceptsArgc(argv.size())) {
      multi.markDirtyIfOpen();
      return CompletableFuture.completedFuture(ErrorReplies.wrongArity(spec.name()));
    }
    session.recordCommand(spec.name(), clock.getAsLong());
    if (TransactionRunner.queues(multi, spec)) {
      return CompletableFuture.completedFuture(transactions.queue(multi, spec, new CommandArgs(argv)));
    }
    long started = System.nanoTime();
    CompletableFuture<Reply> reply = execute(spec, session, new CommandArgs(argv), client);
    return reply.whenComplete((result, failure) -> node.stats().commandDone(spec.name(),
        (System.nanoTime() - started) / 1000, failure != null || result instanceof Reply.Error));
  }

  private CompletableFuture<Reply> execute(CommandSpec spec, ClientSession session, CommandArgs args) {
    return execute(spec, session, args, null);
  }

  private CompletableFuture<Reply> execute(CommandSpec spec, ClientSession session, CommandArgs args,
      ClientSequence client) {
    try {
      if (spec.handler() instanceof KeyspaceHandler) {
        return routing.execute(spec, session, args, client);
      }
      if (spec.handler() instanceof TransactionVerb verb) {
        return transactions.run(verb, session, args);
      }
      if (spec.handler() instanceof SessionHandler handler) {
        return CompletableFuture.completedFuture(handler.execute(session, node, args));
      }
      if (spec.handler() instanceof AsyncSessionHandler handler) {
        return handler.execute(session, node, args);
      }
      throw new IllegalStateException("no way to run handler of " + spec.name());
    } catch (CommandException e) {
      return CompletableFuture.completedFuture(e.reply());
    } catch (RuntimeException e) {
      LOG.error("command {} failed", spec.name().toUpperCase(Locale.ROOT), e);
      return CompletableFuture.completedFuture(io.slotraft.node.reply.Replies.error("ERR internal error"));
    }
  }
}
