package io.slotraft.tests.history;

import java.util.Objects;

/**
 * One line of a history: a process invoking an operation, or the one completion of its invocation.
 *
 * @param index position in the history, from 0; the order the recorder saw events in, which is the
 *     real-time order the checkers rely on
 * @param timeNanos nanoseconds since the recorder started (a monotonic clock; {@code RunRecord} keeps
 *     the wall-clock start, so time plus start gives wall-clock time to line up with the fault schedule)
 * @param process the logical client; at most one invocation of a process is outstanding at a time
 * @param value the operation's argument (invoke) or result (completion), see {@link OpFunction};
 *     normalized with {@link Json#normalize}
 * @param error why a completion is fail or info (a timeout, a refusal), or null
 */
public record Event(
    long index,
    long timeNanos,
    int process,
    EventType type,
    OpFunction f,
    String key,
    Object value,
    String error) {

  public Event {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(f, "f");
    value = Json.normalize(value);
  }

  @Override
  public String toString() {
    return "#" + index + " p" + process + " " + type.wireName() + " " + f.wireName()
        + (key == null ? "" : " " + key) + " " + Json.write(value)
        + (error == null ? "" : " (" + error + ")");
  }
}
