package io.slotraft.node.hyperloglog;

import static io.slotraft.node.hyperloglog.SparseRegisters.isValue;
import static io.slotraft.node.hyperloglog.SparseRegisters.isXZero;
import static io.slotraft.node.hyperloglog.SparseRegisters.isZero;
import static io.slotraft.node.hyperloglog.SparseRegisters.length;
import static io.slotraft.node.hyperloglog.SparseRegisters.value;
import static io.slotraft.node.hyperloglog.SparseRegisters.valueOp;
import static io.slotraft.node.hyperloglog.SparseRegisters.valueRun;

import java.util.Arrays;

/**
 * A copy of a sparse sketch, changed one register at a time in place, in the steps Redis takes:
 * find the opcode that covers the register, split it into at most three (the run before, the new
 * value, the run after), then join neighbouring runs of one value near the change. Taking the same
 * steps, not just reaching the same registers, keeps the bytes identical to what Redis stores.
 */
final class SparseEditor {
  enum Outcome { UNCHANGED, RAISED, NEEDS_DENSE }

  /** Opcodes looked at by the joining pass after a change: the one before it and those it became. */
  private static final int JOIN_WINDOW = 5;

  private byte[] s;
  private int end;

  SparseEditor(byte[] sketch) {
    s = Arrays.copyOf(sketch, sketch.length + 16);
    end = sketch.length;
  }

  /**
   * Raises register {@code index} to {@code value} if that is higher. NEEDS_DENSE, with nothing
   * changed, when the value does not fit a sparse opcode or the sketch would grow past its limit.
   */
  Outcome raise(int index, int value) {
    if (value > SparseRegisters.MAX_VALUE) {
      return Outcome.NEEDS_DENSE;
    }
    int at = HllLayout.HEADER_SIZE;
    int previous = -1;
    int first = 0;
    while (at < end) {
      int run = runAt(at);
      if (index < first + run) {
        break;
      }
      first += run;
      previous = at;
      at += length(s[at]);
    }
    if (at >= end) {
      throw new CorruptHllException();
    }
    Outcome outcome = replace(at, first, index, value);
    if (outcome == Outcome.RAISED) {
      joinValueRuns(previous >= 0 ? previous : HllLayout.HEADER_SIZE);
    }
    return outcome;
  }

  byte[] toBytes() {
    return Arrays.copyOf(s, end);
  }

  byte[] toDense() {
    return SparseRegisters.toDense(s, end);
  }

  private int runAt(int at) {
    byte op = s[at];
    if (isValue(op)) {
      return valueRun(op);
    }
    if (isZero(op)) {
      return SparseRegisters.zeroRun(op);
    }
    if (at + 1 >= end) {
      throw new CorruptHllException();
    }
    return SparseRegisters.xzeroRun(op, s[at + 1]);
  }

  /**
   * Rewrites the opcode at {@code at}, whose run starts at register {@code first}, so that register
   * {@code index} holds {@code value}.
   */
  private Outcome replace(int at, int first, int index, int value) {
    byte op = s[at];
    if (isValue(op) && value(op) >= value) {
      return Outcome.UNCHANGED;
    }
    int run = runAt(at);
    if (run == 1 && !isXZero(op)) {
      s[at] = valueOp(value, 1);
      return Outcome.RAISED;
    }
    byte[] sequence = new byte[5];
    int n = 0;
    if (index > first) {
      n = putRun(sequence, n, op, index - first);
    }
    sequence[n++] = valueOp(value, 1);
    if (index < first + run - 1) {
      n = putRun(sequence, n, op, first + run - 1 - index);
    }
    int growth = n - length(op);
    if (growth > 0 && end + growth > SparseRegisters.MAX_BYTES) {
      return Outcome.NEEDS_DENSE;
    }
    if (end + growth > s.length) {
      s = Arrays.copyOf(s, end + growth + 64);
    }
    int next = at + length(op);
    System.arraycopy(s, next, s, next + growth, end - next);
    System.arraycopy(sequence, 0, s, at, n);
    end += growth;
    return Outcome.RAISED;
  }

  /** Part of the run of {@code op}: the same value, or zeros in the shortest opcode that holds them. */
  private static int putRun(byte[] sequence, int n, byte op, int run) {
    if (isValue(op)) {
      sequence[n] = valueOp(value(op), run);
      return n + 1;
    }
    if (run > SparseRegisters.MAX_ZERO_RUN) {
      SparseRegisters.putXZero(sequence, n, run);
      return n + 2;
    }
    sequence[n] = SparseRegisters.zeroOp(run);
    return n + 1;
  }

  /**
   * Joins two neighbouring value opcodes of one value while their runs fit one opcode, looking at
   * no more than {@link #JOIN_WINDOW} opcodes from {@code at}. The window, not the whole sketch,
   * is what Redis looks at, so runs further away stay split exactly as they are there.
   */
  private void joinValueRuns(int at) {
    int budget = JOIN_WINDOW;
    while (at < end && budget-- > 0) {
      byte op = s[at];
      if (!isValue(op)) {
        at += length(op);
        continue;
      }
      if (at + 1 < end && isValue(s[at + 1]) && value(s[at + 1]) == value(op)) {
        int run = valueRun(op) + valueRun(s[at + 1]);
        if (run <= SparseRegisters.MAX_VALUE_RUN) {
          s[at] = valueOp(value(op), run);
          System.arraycopy(s, at + 2, s, at + 1, end - at - 2);
          end--;
          continue;
        }
      }
      at++;
    }
  }
}
