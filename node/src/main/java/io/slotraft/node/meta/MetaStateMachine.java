package io.slotraft.node.meta;

import io.slotraft.proto.v1.MetaCommand;

/**
 * Meta's pure, deterministic state machine: committed meta log entries in, the next {@link
 * MetaState} out. No clocks, threads or I/O, so every meta replica holds the same state after the
 * same entries, and tests run it without Raft.
 *
 * <p>Each command has its own rule (a {@link MetaCommandRule}); this class only decodes entries and
 * picks the rule. Every command is checked against the state it meets when applied, not the one its
 * proposer saw: a command meta's rules refuse is a no-op with the reason, the same on every replica.
 * Only a command that changes what clients or nodes route by raises the epoch, by exactly one.
 */
public final class MetaStateMachine {
  private static final BootstrapRule BOOTSTRAP = new BootstrapRule();
  private static final SetPreferredLeaderRule SET_PREFERRED_LEADER = new SetPreferredLeaderRule();
  private static final NodeReportRule NODE_REPORT = new NodeReportRule();
  private static final JoinNodeRule JOIN_NODE = new JoinNodeRule();
  private static final RemoveNodeRule REMOVE_NODE = new RemoveNodeRule();
  private static final StartOperationRule START_OPERATION = new StartOperationRule();
  private static final AdvanceOperationRule ADVANCE_OPERATION = new AdvanceOperationRule();
  private static final CancelOperationRule CANCEL_OPERATION = new CancelOperationRule();

  private MetaState state = MetaState.EMPTY;

  public MetaState state() {
    return state;
  }

  /** Replaces the whole state, as a snapshot load does. */
  public void restore(MetaState snapshot) {
    state = snapshot;
  }

  /**
   * Applies the entry committed at {@code index}.
   *
   * @throws MetaCommandException when the entry cannot be read; the caller must stop applying
   */
  public MetaOutcome apply(long index, byte[] entry) {
    MetaCommand command = MetaEntries.decode(entry);
    MetaCommandRule.Applied applied = switch (command.getBodyCase()) {
      case BOOTSTRAP -> BOOTSTRAP.apply(state, index, command.getBootstrap());
      case SET_PREFERRED_LEADER -> SET_PREFERRED_LEADER.apply(state, index, command.getSetPreferredLeader());
      case NODE_REPORT -> NODE_REPORT.apply(state, index, command.getNodeReport());
      case JOIN_NODE -> JOIN_NODE.apply(state, index, command.getJoinNode());
      case REMOVE_NODE -> REMOVE_NODE.apply(state, index, command.getRemoveNode());
      case START_OPERATION -> START_OPERATION.apply(state, index, command.getStartOperation());
      case ADVANCE_OPERATION -> ADVANCE_OPERATION.apply(state, index, command.getAdvanceOperation());
      case CANCEL_OPERATION -> CANCEL_OPERATION.apply(state, index, command.getCancelOperation());
      case BODY_NOT_SET -> throw new IllegalStateException("decode lets no empty command through");
    };
    state = applied.state().atIndex(index);
    return applied.outcome();
  }
}
