package io.slotraft.tests.consistency;

/**
 * Reads integers recorded either as numbers or as the decimal strings Redis replies with, so that a
 * workload can record what the client returned without converting it.
 */
final class Numbers {
  private Numbers() {}

  /** The integer, or null if {@code value} is null (an absent key). */
  static Long asLong(Object value) {
    if (value == null || value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException("not an integer: \"" + text + "\"");
      }
    }
    throw new IllegalArgumentException("not an integer: " + value);
  }
}
