package io.slotraft.tests.history;

/** What an event says about its operation, with Jepsen's meanings. */
public enum EventType {
  /** The client is about to send the request. */
  INVOKE("invoke"),
  /** The operation happened, with the event's value as its result. */
  OK("ok"),
  /** The operation certainly did not happen (refused before it could take effect). */
  FAIL("fail"),
  /** Unknown: the operation may take effect at any time after its invocation, or never (timeouts). */
  INFO("info");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean isCompletion() {
    return this != INVOKE;
  }

  public static EventType fromWire(String name) {
    for (EventType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown event type: " + name);
  }
}
