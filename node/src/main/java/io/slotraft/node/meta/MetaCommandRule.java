package io.slotraft.node.meta;

/**
 * How one kind of meta command changes meta's state: pure and deterministic, checked against the
 * state the command meets when applied (never the one its proposer saw), so that every meta replica
 * reaches the same state and the same outcome. One implementation per command in meta.proto.
 *
 * @param <C> the command's protobuf body
 */
interface MetaCommandRule<C> {

  /** The state after {@code command} was applied at log {@code index}, and what it did. */
  Applied apply(MetaState state, long index, C command);

  /** A rule's result: the next state (the same one for a no-op) and its outcome. */
  record Applied(MetaState state, MetaOutcome outcome) {
    static Applied noOp(MetaState unchanged, String why) {
      return new Applied(unchanged, MetaOutcome.noOp(why));
    }
  }
}
