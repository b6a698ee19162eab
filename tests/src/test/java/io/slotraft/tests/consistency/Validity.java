package io.slotraft.tests.consistency;

import java.util.Locale;

/** A checker's answer. Ordered from best to worst so verdicts combine by taking the worst. */
public enum Validity {
  VALID,
  /** The checker could not decide (search budget spent, no final read): neither a pass nor a bug. */
  UNKNOWN,
  INVALID;

  public Validity worst(Validity other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Validity fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
