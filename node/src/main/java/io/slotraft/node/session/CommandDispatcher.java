package io.slotraft.node.session;

import io.slotraft.node.reply.Reply;
import io.slotraft.node.statemachine.ClientSequence;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one way into command execution for every front end: argv in (argv[0] is the name), a reply
 * out. Looks the command up in the catalog, checks arity, routes keyed commands to their slot's
 * shard (or answers MOVED / CROSSSLOT / TRYAGAIN), proposes writes and serves reads.
 *
 * <p>The future may complete on any thread. Calls from one connection are answered in the order
 * made only if the caller waits for the previous future; front ends keep their own order.
 */
public interface CommandDispatcher {
  CompletableFuture<Reply> dispatch(ClientSession session, List<byte[]> argv);

  /**
   * As {@link #dispatch(ClientSession, List)}, for a command a client may retry: a write carrying
   * {@code client} is applied once however often it arrives, and a retry gets the first reply.
   * Reads and commands that are not keyspace writes ignore it.
   */
  default CompletableFuture<Reply> dispatch(ClientSession session, List<byte[]> argv, ClientSequence client) {
    return dispatch(session, argv);
  }
}
