package io.slotraft.tests.history;

/**
 * What an operation does (Jepsen's {@code :f}). Declared once so a misspelt function in a workload or
 * a history file fails at once instead of being silently ignored by every checker.
 *
 * <p>The shape of an event's value per function (invocation / ok completion):
 * <ul>
 *   <li>{@code read}: null / the value read (a string, null when the key is absent; a number for
 *       counters; an object of account to balance for bank reads)
 *   <li>{@code write}: the value written / the same
 *   <li>{@code cas}: {@code [expected, new]} / the same
 *   <li>{@code add}: the element added to a set / the same
 *   <li>{@code incr}: the amount (a number, may be negative) / the same
 *   <li>{@code transfer}: {@code {"from": account, "to": account, "amount": n}} / the same
 *   <li>{@code final-read}: null / the whole content (a list of set elements, or a counter's number)
 * </ul>
 */
public enum OpFunction {
  READ("read"),
  WRITE("write"),
  CAS("cas"),
  ADD("add"),
  INCR("incr"),
  TRANSFER("transfer"),
  FINAL_READ("final-read");

  private final String wireName;

  OpFunction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static OpFunction fromWire(String name) {
    for (OpFunction function : values()) {
      if (function.wireName.equals(name)) {
        return function;
      }
    }
    throw new IllegalArgumentException("unknown operation function: " + name);
  }
}
