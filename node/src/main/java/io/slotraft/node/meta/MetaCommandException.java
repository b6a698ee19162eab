package io.slotraft.node.meta;

/**
 * A meta log entry this build cannot read: damaged, or written by a newer build with a command this
 * one does not know. Applying must stop rather than skip it, or this replica's topology would fork
 * from its peers'.
 */
public final class MetaCommandException extends RuntimeException {
  public MetaCommandException(String message) {
    super(message);
  }
}
