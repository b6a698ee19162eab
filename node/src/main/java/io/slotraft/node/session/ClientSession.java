package io.slotraft.node.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of one client connection (RESP or gRPC): id, name, protocol, selected database and a few
 * counters for CLIENT LIST. Touched by the connection's own event-loop thread; CLIENT LIST from other
 * connections reads it, so the fields read there are volatile.
 */
public final class ClientSession {
  private static final AtomicLong NEXT_ID = new AtomicLong(1);

  private final long id = NEXT_ID.getAndIncrement();
  private final String remoteAddress;
  private final String localAddress;
  private final long createdAtMs;
  private volatile String name;
  private volatile int protocol = 2;
  private volatile int database;
  private volatile String lastCommand = "NULL";
  private volatile long lastActiveMs;
  private volatile boolean closeRequested;
  private volatile boolean readOnlyReplicaReads;
  private volatile boolean noEvict;
  private volatile boolean noTouch;
  private volatile String libraryName;
  private volatile String libraryVersion;
  private volatile boolean holdsWhileLeaderless;
  private volatile boolean disconnected;
  private final MultiState multi = new MultiState();

  public ClientSession(String remoteAddress, String localAddress, long createdAtMs) {
    this.remoteAddress = remoteAddress;
    this.localAddress = localAddress;
    this.createdAtMs = createdAtMs;
    this.lastActiveMs = createdAtMs;
  }

  public long id() {
    return id;
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  public String localAddress() {
    return localAddress;
  }

  public long createdAtMs() {
    return createdAtMs;
  }

  /** The CLIENT SETNAME name, or null. */
  public String name() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  /** 2 or 3: the RESP version chosen with HELLO. */
  public int protocol() {
    return protocol;
  }

  public void setProtocol(int protocol) {
    this.protocol = protocol;
  }

  public int database() {
    return database;
  }

  public void setDatabase(int database) {
    this.database = database;
  }

  public String lastCommand() {
    return lastCommand;
  }

  public long lastActiveMs() {
    return lastActiveMs;
  }

  public void recordCommand(String command, long nowMs) {
    this.lastCommand = command;
    this.lastActiveMs = nowMs;
  }

  /** Set by QUIT: the front end closes the connection once the reply is written. */
  public boolean closeRequested() {
    return closeRequested;
  }

  public void requestClose() {
    this.closeRequested = true;
  }

  /** READONLY was sent: keyed reads may be served by this node's follower replica (stale). */
  public boolean readOnlyReplicaReads() {
    return readOnlyReplicaReads;
  }

  public void setReadOnlyReplicaReads(boolean value) {
    this.readOnlyReplicaReads = value;
  }

  /** CLIENT NO-EVICT: accepted and shown in CLIENT LIST; Slotraft never evicts clients. */
  public boolean noEvict() {
    return noEvict;
  }

  public void setNoEvict(boolean value) {
    this.noEvict = value;
  }

  /** CLIENT NO-TOUCH: this client's reads should not count as access to the keys they read. */
  public boolean noTouch() {
    return noTouch;
  }

  public void setNoTouch(boolean value) {
    this.noTouch = value;
  }

  /** CLIENT SETINFO LIB-NAME, or null. */
  public String libraryName() {
    return libraryName;
  }

  public void setLibraryName(String value) {
    this.libraryName = value;
  }

  /** CLIENT SETINFO LIB-VER, or null. */
  public String libraryVersion() {
    return libraryVersion;
  }

  public void setLibraryVersion(String value) {
    this.libraryVersion = value;
  }

  /**
   * Whether a keyed command that meets a shard without a leader waits for one (bounded) rather than
   * being answered TRYAGAIN: set for Redis clients, which do not retry TRYAGAIN; the smart client
   * (gRPC) retries it itself. Fixed by the front end when the connection opens.
   */
  public boolean holdsWhileLeaderless() {
    return holdsWhileLeaderless;
  }

  public void setHoldsWhileLeaderless(boolean value) {
    this.holdsWhileLeaderless = value;
  }

  /** True once the connection is closed: commands still held for it are dropped, never run. */
  public boolean disconnected() {
    return disconnected;
  }

  public void markDisconnected() {
    this.disconnected = true;
  }

  /** MULTI, its queued commands and WATCHed keys. */
  public MultiState multi() {
    return multi;
  }

  /**
   * RESET: back to a fresh connection's state. The id stays, and so does the library a client
   * declared with CLIENT SETINFO, as in Redis: the connection is still the same library's.
   */
  public void reset() {
    name = null;
    protocol = 2;
    database = 0;
    readOnlyReplicaReads = false;
    noEvict = false;
    noTouch = false;
    multi.end();
  }
}
