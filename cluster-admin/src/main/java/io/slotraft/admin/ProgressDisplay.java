package io.slotraft.admin;

import io.slotraft.proto.v1.Operation;
import java.util.List;

/**
 * Where a followed operation's progress goes while a command waits on it: bars on a terminal
 * ({@link BarDisplay}), a line per change in a log ({@link LineDisplay}), nothing with {@code --json}.
 * Ctrl-C ends it from another thread, so implementations are thread-safe and ignore calls after {@link #end}.
 */
interface ProgressDisplay {
  /** The followed operation and the moves it started (a drain's or rebalance's), from one read of meta. */
  void show(Operation followed, List<Operation> children, MetaView view);

  /** Closes what it drew (bars stay on screen, finished); later calls do nothing. */
  void end();

  ProgressDisplay NONE = new ProgressDisplay() {
    @Override
    public void show(Operation followed, List<Operation> children, MetaView view) {}

    @Override
    public void end() {}
  };
}
