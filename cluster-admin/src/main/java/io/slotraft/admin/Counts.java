package io.slotraft.admin;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters for counts: an out-of-range value is a usage error (exit 2) naming the option. */
final class Counts {
  private Counts() {}

  /** Seconds to wait, where 0 means "do not wait". */
  static final class NonNegative implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int count = parse(value);
      if (count < 0) {
        throw new TypeConversionException("must be 0 or more, not " + count);
      }
      return count;
    }
  }

  /** How many moves run at once. */
  static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int count = parse(value);
      if (count < 1) {
        throw new TypeConversionException("must be 1 or more, not " + count);
      }
      return count;
    }
  }

  private static int parse(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
  }
}
