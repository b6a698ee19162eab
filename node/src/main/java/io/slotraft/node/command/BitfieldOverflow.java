package io.slotraft.node.command;

/** What BITFIELD SET and INCRBY do with a result outside the field's type (OVERFLOW WRAP|SAT|FAIL). */
enum BitfieldOverflow {
  /** Keep the low bits: modular arithmetic, the default. */
  WRAP,
  /** Clamp to the type's minimum or maximum. */
  SAT,
  /** Write nothing and answer nil for this operation. */
  FAIL;

  /**
   * The value to store, or null when nothing may be stored.
   *
   * @param raw the result computed modulo 2^64
   * @param side where the exact result lies against the type: -1 below, 0 inside, 1 above
   */
  Long resolve(BitfieldType type, long raw, int side) {
    if (side == 0 || this == WRAP) {
      return type.wrap(raw);
    }
    if (this == SAT) {
      return side > 0 ? type.max() : type.min();
    }
    return null;
  }
}
