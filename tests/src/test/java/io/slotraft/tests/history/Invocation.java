package io.slotraft.tests.history;

/**
 * An outstanding invocation, handed to the client that made it so it can record the one completion.
 * A workload client maps what it saw to the right completion: a reply is {@link #ok}; an error that
 * proves the request was not applied (refused before proposing, a compare that did not match, an
 * aborted EXEC) is {@link #fail}; anything else (a timeout, a broken connection after sending) is
 * {@link #info}, because claiming fail for something that did happen hides real bugs.
 */
public final class Invocation {
  private final HistoryRecorder recorder;
  private final Event event;

  Invocation(HistoryRecorder recorder, Event event) {
    this.recorder = recorder;
    this.event = event;
  }

  public Event event() {
    return event;
  }

  /** Completed, with the same value as invoked (writes, adds, increments, transfers, cas). */
  public Event ok() {
    return ok(event.value());
  }

  /** Completed, with {@code result} as the operation's value (reads). */
  public Event ok(Object result) {
    return recorder.complete(this, EventType.OK, result, null);
  }

  /** Certainly did not happen. */
  public Event fail(String why) {
    return recorder.complete(this, EventType.FAIL, event.value(), why);
  }

  /** Unknown whether it happened: it may take effect later, or never. */
  public Event info(String why) {
    return recorder.complete(this, EventType.INFO, event.value(), why);
  }
}
