package io.slotraft.node.metagroup;

import io.slotraft.node.meta.MetaState;
import java.util.Optional;

/** Where a node reads meta's state: its own meta replica, or the meta members over gRPC. */
public interface MetaSource extends AutoCloseable {

  /**
   * Meta's state, linearizable (read after a ReadIndex on some meta replica); blocks for at most a
   * few seconds. Empty when no meta replica could answer: retry later.
   */
  Optional<MetaState> read();

  /** For log lines: where this source reads from. */
  String describe();

  @Override
  void close();
}
