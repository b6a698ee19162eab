package io.slotraft.node.statemachine;

import java.util.List;

/**
 * A write as it goes into the log: argv (name first) and, for a write its client may retry, its
 * place in the client's write session (null otherwise).
 */
public record LoggedCommand(List<byte[]> argv, ClientSequence client) {

  public static LoggedCommand of(List<byte[]> argv) {
    return new LoggedCommand(argv, null);
  }
}
