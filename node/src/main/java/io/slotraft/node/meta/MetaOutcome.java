package io.slotraft.node.meta;

/**
 * What applying one meta command did, the same on every meta replica.
 *
 * @param changed false for a command that was a no-op (a second Bootstrap, a change already made, one
 *     meta's rules refuse)
 * @param description one line for the logs and for the proposer, e.g. why it was a no-op
 * @param routine true for the periodic records (node reports, operation progress) that the logs keep
 *     at debug level
 * @param operationId the operation a StartOperation created; 0 for every other command
 */
public record MetaOutcome(boolean changed, String description, boolean routine, long operationId) {

  public MetaOutcome(boolean changed, String description, boolean routine) {
    this(changed, description, routine, 0);
  }

  static MetaOutcome change(String description) {
    return new MetaOutcome(true, description, false);
  }

  static MetaOutcome noOp(String description) {
    return new MetaOutcome(false, description, false);
  }
}
