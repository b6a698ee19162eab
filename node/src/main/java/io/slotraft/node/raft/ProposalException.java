package io.slotraft.node.raft;

/**
 * A proposal or read that Raft did not carry out. {@link Kind#NOT_LEADER} and {@link Kind#BUSY}
 * mean the command certainly did not run; {@link Kind#UNKNOWN} means it may have (e.g. leadership
 * was lost after the entry was appended).
 */
public final class ProposalException extends RuntimeException {
  /** Why, and what the client may safely do. */
  public enum Kind {
    NOT_LEADER,
    BUSY,
    UNKNOWN
  }

  private final Kind kind;

  public ProposalException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
