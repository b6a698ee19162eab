package io.slotraft.node.meta;

/**
 * What applying one meta command did, the same on every meta replica.
 *
 * @param changed false for a command that was a no-op (a second Bootstrap)
 * @param description one line for the logs and for the proposer, e.g. why it was a no-op
 */
public record MetaOutcome(boolean changed, String description) {}
