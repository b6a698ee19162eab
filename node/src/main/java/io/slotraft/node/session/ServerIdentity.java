package io.slotraft.node.session;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What the node says it is. Clients pick protocol features by the Redis version a server reports,
 * so Slotraft reports the Redis release whose protocol it speaks, and its own version beside it.
 */
public final class ServerIdentity {
  /** The Redis release whose commands and replies Slotraft follows (HELLO, INFO redis_version). */
  public static final String REDIS_VERSION = "7.2.0";

  /** Printed when the node runs from classes rather than its jar (tests, IDE). */
  static final String UNPACKAGED_VERSION = "dev";

  /** A fresh id per process start, as Redis's run_id: tells a restart from a long uptime. */
  public static final String RUN_ID = newRunId();

  private ServerIdentity() {}

  /** Slotraft's own version, from the jar manifest the build writes. */
  public static String slotraftVersion() {
    String version = ServerIdentity.class.getPackage().getImplementationVersion();
    return version != null ? version : UNPACKAGED_VERSION;
  }

  private static String newRunId() {
    byte[] bytes = new byte[20];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
