package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.reply.ErrorReplies;

/**
 * The options of SET (NX XX GET and a TTL) and of GETEX (a TTL or PERSIST), checked against each
 * other as Redis does: at most one TTL kind, repeating the same option is allowed (the last value
 * wins), NX excludes XX, and anything else is a syntax error.
 */
final class SetOptions {
  /** What happens to the key's expiry. */
  enum Ttl {
    /** SET drops the expiry, GETEX leaves it alone. */
    DEFAULT,
    KEEP,
    PERSIST,
    EX,
    PX,
    EXAT,
    PXAT;

    boolean isTime() {
      return this == EX || this == PX || this == EXAT || this == PXAT;
    }
  }

  enum Condition { ALWAYS, IF_ABSENT, IF_PRESENT }

  private Condition condition = Condition.ALWAYS;
  private boolean get;
  private Ttl ttl = Ttl.DEFAULT;
  private int timeIndex = -1;

  private SetOptions() {}

  /** SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL]. */
  static SetOptions forSet(CommandArgs args) {
    SetOptions options = new SetOptions();
    for (int i = 3; i < args.argc(); i++) {
      i = options.parseSetOption(args, i);
    }
    return options;
  }

  /** GETEX key [EX s|PX ms|EXAT s|PXAT ms|PERSIST]. */
  static SetOptions forGetEx(CommandArgs args) {
    SetOptions options = new SetOptions();
    for (int i = 2; i < args.argc(); i++) {
      i = options.parseTtlOption(args, i, Ttl.PERSIST);
    }
    return options;
  }

  /**
   * SET's argument check before proposing: its options, and its TTL as far as it does not depend on
   * the clock (a TTL that overflows only once added to now is left to apply).
   */
  static void checkSet(CommandArgs args) {
    forSet(args).checkTtl(args);
  }

  /**
   * GETEX's argument check before proposing: its options only. Redis looks the key up before it
   * reads the TTL's number (an absent key answers nil whatever the number), so that is left to apply.
   */
  static void checkGetEx(CommandArgs args) {
    forGetEx(args);
  }

  private void checkTtl(CommandArgs args) {
    if (ttl.isTime()) {
      expireAtMs(args, 0);
    }
  }

  /** Whether NX or XX lets the write happen, given whether the key exists. */
  boolean conditionHolds(boolean exists) {
    return switch (condition) {
      case IF_ABSENT -> !exists;
      case IF_PRESENT -> exists;
      case ALWAYS -> true;
    };
  }

  boolean get() {
    return get;
  }

  Ttl ttl() {
    return ttl;
  }

  /**
   * The absolute expiry the TTL option asks for, checked as Redis checks it: the number must be
   * positive and the result must fit in 64 bits, else "invalid expire time in '<command>'".
   */
  long expireAtMs(CommandArgs args, long nowMs) {
    boolean seconds = ttl == Ttl.EX || ttl == Ttl.EXAT;
    boolean relative = ttl == Ttl.EX || ttl == Ttl.PX;
    return expireAtMs(args, timeIndex, seconds, relative ? nowMs : 0);
  }

  /** The expiry argument at {@code index} as absolute milliseconds, offset by {@code baseMs}. */
  static long expireAtMs(CommandArgs args, int index, boolean seconds, long baseMs) {
    long value = args.longArg(index);
    long unit = seconds ? 1000 : 1;
    if (value <= 0 || value > Long.MAX_VALUE / unit) {
      throw invalidExpireTime(args);
    }
    value *= unit;
    if (value > Long.MAX_VALUE - baseMs) {
      throw invalidExpireTime(args);
    }
    return value + baseMs;
  }

  private static CommandException invalidExpireTime(CommandArgs args) {
    return new CommandException(ErrorReplies.invalidExpireTime(args.name()));
  }

  private int parseSetOption(CommandArgs args, int i) {
    if (args.is(i, "NX") && condition != Condition.IF_PRESENT) {
      condition = Condition.IF_ABSENT;
    } else if (args.is(i, "XX") && condition != Condition.IF_ABSENT) {
      condition = Condition.IF_PRESENT;
    } else if (args.is(i, "GET")) {
      get = true;
    } else {
      return parseTtlOption(args, i, Ttl.KEEP);
    }
    return i;
  }

  /** Parses a TTL option or the command's own word without a value; returns the last index used. */
  private int parseTtlOption(CommandArgs args, int i, Ttl bareWord) {
    String word = args.upper(i);
    if (word.equals(bareWord == Ttl.KEEP ? "KEEPTTL" : "PERSIST")) {
      choose(bareWord);
      return i;
    }
    Ttl kind = switch (word) {
      case "EX" -> Ttl.EX;
      case "PX" -> Ttl.PX;
      case "EXAT" -> Ttl.EXAT;
      case "PXAT" -> Ttl.PXAT;
      default -> throw new CommandException(ErrorReplies.SYNTAX);
    };
    if (i + 1 >= args.argc()) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    choose(kind);
    timeIndex = i + 1;
    return i + 1;
  }

  private void choose(Ttl kind) {
    if (ttl != Ttl.DEFAULT && ttl != kind) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    ttl = kind;
  }
}
