package io.slotraft.node.session;

/**
 * One connection as a line of CLIENT LIST / CLIENT INFO, with Redis 7.2's fields in Redis's
 * order so that tools splitting on spaces and '=' read it. Buffer and memory figures are 0:
 * Netty owns the buffers and does not count them per connection. fd is -1, Redis's value for a
 * connection without a descriptor of its own, because the JVM does not expose one.
 */
final class ClientInfoLine {
  private ClientInfoLine() {}

  static String of(ClientSession client, long nowMs) {
    return "id=" + client.id()
        + " addr=" + client.remoteAddress()
        + " laddr=" + client.localAddress()
        + " fd=-1"
        + " name=" + orEmpty(client.name())
        + " age=" + seconds(nowMs - client.createdAtMs())
        + " idle=" + seconds(nowMs - client.lastActiveMs())
        + " flags=" + flags(client)
        + " db=" + client.database()
        + " sub=0 psub=0 ssub=0 multi=" + client.multi().queuedCount()
        + " qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=0"
        + " events=r"
        + " cmd=" + client.lastCommand()
        + " user=" + DefaultUser.NAME
        + " redir=-1"
        + " resp=" + client.protocol()
        + " lib-name=" + orEmpty(client.libraryName())
        + " lib-ver=" + orEmpty(client.libraryVersion());
  }

  /** Redis's one-letter flags for the states Slotraft has; N when none applies. */
  static String flags(ClientSession client) {
    StringBuilder flags = new StringBuilder();
    if (client.readOnlyReplicaReads()) {
      flags.append('r');
    }
    if (client.multi().queuedCount() >= 0) {
      flags.append('x');
    }
    if (client.noEvict()) {
      flags.append('e');
    }
    if (client.noTouch()) {
      flags.append('T');
    }
    return flags.length() == 0 ? "N" : flags.toString();
  }

  private static long seconds(long millis) {
    return Math.max(0, millis / 1000);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
