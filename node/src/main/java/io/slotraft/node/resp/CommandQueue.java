package io.slotraft.node.resp;

import io.slotraft.node.pipeline.CommandKinds;
import io.slotraft.node.pipeline.ConnectionOrder;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.session.ClientSession;
import io.slotraft.node.session.CommandDispatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unanswered commands of one connection, in request order, and the rule for when each may be
 * dispatched. Used on the connection's event loop only; dispatcher futures that complete elsewhere
 * hop onto it first.
 *
 * <p>The ordering rule is the shared connection discipline ({@link ConnectionOrder}), with every
 * command of the connection in one lane, as Redis serves a connection: a command is dispatched while
 * others are in flight only if they are all of its kind (all writes, or all non-writes), so a GET
 * sent after a SET on the same connection sees it. Commands of one kind may run together because
 * their replies are put back in request order anyway.
 *
 * <p>Memory: dispatching also pauses while {@code maxUnwritten} commands are dispatched and their
 * replies not yet written, and while the handler says the socket's output is full. A client that
 * sends without reading then holds at most that many replies on the server.
 *
 * <p>Session effects of a command (HELLO's protocol, QUIT) are read from the session right after
 * {@code dispatch} returns, as connection commands run inside that call.
 */
final class CommandQueue {
  static final Reply INTERNAL_ERROR = Replies.error("ERR internal error");
  private static final Logger log = LoggerFactory.getLogger(CommandQueue.class);
  /** A connection is served in order, whatever the slots of its commands. */
  private static final int ONE_LANE = 0;

  private final ClientSession session;
  private final CommandDispatcher dispatcher;
  private final CommandKinds kinds;
  private final Executor loop;
  private final Runnable onLateAnswer;
  private final int maxUnwritten;
  private final ArrayDeque<PendingCommand> unanswered = new ArrayDeque<>();
  /** The tail of {@link #unanswered} not yet dispatched (waiting for the other kind, or for room), and the ones in flight. */
  private final ConnectionOrder<PendingCommand> order = new ConnectionOrder<>();
  private PendingCommand lastDispatched;
  private boolean dispatching;
  private boolean inputEnded;
  private boolean abandoned;
  private boolean outputBlocked;

  /**
   * @param loop the connection's event loop
   * @param onLateAnswer run on the loop after a command is answered asynchronously
   * @param maxUnwritten most commands dispatched and not yet written back
   */
  CommandQueue(ClientSession session, CommandDispatcher dispatcher, CommandKinds kinds,
      Executor loop, Runnable onLateAnswer, int maxUnwritten) {
    this.session = session;
    this.dispatcher = dispatcher;
    this.kinds = kinds;
    this.loop = loop;
    this.onLateAnswer = onLateAnswer;
    this.maxUnwritten = maxUnwritten;
  }

  /** Takes a decoded command: dispatched now, or once the commands it must follow are answered. */
  void add(List<byte[]> argv) {
    PendingCommand command = new PendingCommand(argv, kinds.isWrite(argv));
    unanswered.add(command);
    order.add(command, command.isWrite(), ONE_LANE);
    dispatchWhatMayRun();
  }

  /** No more input: {@code lastReply} (a protocol error) is answered after the commands before it. */
  void endInput(Reply lastReply) {
    inputEnded = true;
    unanswered.add(PendingCommand.answered(lastReply, session.protocol()));
  }

  /** False after a protocol error or QUIT: later input is ignored. */
  boolean acceptsInput() {
    return !inputEnded && !session.closeRequested() && !abandoned;
  }

  /**
   * The oldest command if its reply is ready, removed from the queue; else null. Taking one frees
   * room, so waiting commands may be dispatched (and answered) before this returns.
   */
  PendingCommand pollAnswered() {
    PendingCommand head = unanswered.peek();
    if (head == null || !head.answered()) {
      return null;
    }
    unanswered.poll();
    dispatchWhatMayRun();
    return head;
  }

  /** The handler's word on the socket: while its output is full, nothing more is dispatched. */
  void setOutputBlocked(boolean blocked) {
    outputBlocked = blocked;
    dispatchWhatMayRun();
  }

  /** Commands received and not yet written back, dispatched or not. */
  int size() {
    return unanswered.size();
  }

  /** True once input is over and every reply that will ever come has been taken. */
  boolean finished() {
    if (order.running() > 0) {
      return false;
    }
    PendingCommand head = unanswered.peek();
    if (head == null) {
      return !acceptsInput();
    }
    // After QUIT, what is left was sent after it and will never be dispatched.
    return session.closeRequested() && !head.answered();
  }

  /** The connection is gone: forget everything; answers that still arrive are dropped. */
  void abandon() {
    abandoned = true;
    unanswered.clear();
    order.clear();
  }

  private void dispatchWhatMayRun() {
    if (dispatching) {
      return; // re-entered from a command answered inside dispatch(); the loop below goes on
    }
    dispatching = true;
    try {
      // After QUIT nothing more runs: Redis too ignores what a client sends after it.
      while (!session.closeRequested() && hasRoom()) {
        PendingCommand next = order.next();
        if (next == null) {
          return;
        }
        start(next);
      }
    } finally {
      dispatching = false;
    }
  }

  private boolean hasRoom() {
    int dispatchedUnwritten = unanswered.size() - order.waiting();
    return !outputBlocked && dispatchedUnwritten < maxUnwritten;
  }

  private void start(PendingCommand command) {
    CompletableFuture<Reply> future = dispatchSafely(command);
    lastDispatched = command;
    command.setProtocol(session.protocol());
    if (future.isDone()) {
      // Runs right here, on this thread: no hop, no task, the common case for cached answers.
      future.whenComplete((reply, error) -> command.answer(checked(command, reply, error), session.protocol()));
      order.finished(ONE_LANE);
      return;
    }
    future.whenComplete((reply, error) -> loop.execute(() -> answerLater(command, reply, error)));
  }

  private void answerLater(PendingCommand command, Reply reply, Throwable error) {
    if (abandoned) {
      return;
    }
    order.finished(ONE_LANE);
    // If nothing was dispatched after this command, a protocol switch seen now is its own (an
    // asynchronous HELLO); otherwise keep what was seen at dispatch, so that a later HELLO does not
    // change how an earlier reply is written.
    int protocol = command == lastDispatched ? session.protocol() : command.protocol();
    command.answer(checked(command, reply, error), protocol);
    dispatchWhatMayRun();
    onLateAnswer.run();
  }

  private CompletableFuture<Reply> dispatchSafely(PendingCommand command) {
    try {
      CompletableFuture<Reply> future = dispatcher.dispatch(session, command.argv());
      return future != null ? future : CompletableFuture.failedFuture(new NullPointerException("no future"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The reply, or an internal error when there is none; the failure is logged here and only here. */
  private Reply checked(PendingCommand command, Reply reply, Throwable error) {
    if (error == null && reply != null) {
      return reply;
    }
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    log.warn("'{}' failed for client {}; it is answered 'internal error'", name(command), session.id(), cause);
    return INTERNAL_ERROR;
  }

  private static String name(PendingCommand command) {
    List<byte[]> argv = command.argv();
    return argv.isEmpty() ? "" : new String(argv.get(0), StandardCharsets.UTF_8);
  }
}
