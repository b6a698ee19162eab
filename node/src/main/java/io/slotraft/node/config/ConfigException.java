package io.slotraft.node.config;

/** A configuration problem, with a message meant for the operator (no stack trace is shown). */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
