package io.slotraft.node.metagroup;

/**
 * What a meta command did once applied, as its proposer learns it ({@code ProposeReply} in
 * meta.proto).
 *
 * @param changed false for a no-op: already so, or refused by meta's rules (the description says why)
 * @param epoch meta's epoch right after the command
 * @param operationId the operation a StartOperation created; 0 otherwise
 */
public record ProposalOutcome(boolean changed, String description, long epoch, long operationId) {

  public ProposalOutcome(boolean changed, String description, long epoch) {
    this(changed, description, epoch, 0);
  }
}
