package io.slotraft.admin;

import io.slotraft.proto.v1.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link BarDisplay} and {@link LineDisplay} share: each read of meta is drawn as one list, the
 * followed operation first and then its moves, and nothing is drawn once {@link #end} has run. Both
 * methods hold this display's lock, since Ctrl-C ends it from another thread.
 */
abstract class PerOperationDisplay implements ProgressDisplay {
  private boolean ended;

  @Override
  public final synchronized void show(Operation followed, List<Operation> children, MetaView view) {
    if (ended) {
      return;
    }
    List<Operation> operations = new ArrayList<>(children.size() + 1);
    operations.add(followed);
    operations.addAll(children);
    draw(operations, view);
  }

  @Override
  public final synchronized void end() {
    if (!ended) {
      ended = true;
      close();
    }
  }

  /** Draws one read: {@code operations} is the followed operation, then its moves. */
  abstract void draw(List<Operation> operations, MetaView view);

  /** Closes what {@link #draw} left open; runs once, on the first {@link #end}. */
  void close() {}
}
