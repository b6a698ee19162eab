package io.slotraft.node.metagroup;

/**
 * What a meta command did once applied, as its proposer learns it ({@code ProposeReply} in
 * meta.proto).
 *
 * @param changed false for a no-op: already so, or refused by meta's rules (the description says why)
 * @param epoch meta's epoch right after the command
 */
public record ProposalOutcome(boolean changed, String description, long epoch) {}
