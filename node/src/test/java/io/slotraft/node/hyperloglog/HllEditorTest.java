package io.slotraft.node.hyperloglog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The paths of a sketch's life that PFADD of ordinary elements rarely takes, and the register
 * round trips between encodings. Byte compatibility with Redis is HyperLogLogGoldenTest's job.
 */
class HllEditorTest {

  @Test
  void aNewSketchIsSparseEmptyAndCountsZero() {
    byte[] s = HllEditor.create().toBytes();
    assertTrue(HllStrings.isSketch(s));
    assertFalse(HllStrings.isDense(s));
    assertEquals(18, s.length);
    assertEquals(0, HllStrings.count(s));
  }

  /** A rank above 32 has no sparse opcode: the sketch turns dense and keeps every other register. */
  @Test
  void aValueAbove32TurnsTheSketchDense() {
    byte[] max = new byte[HllStrings.REGISTERS];
    max[3] = 5;
    max[16383] = 32;
    HllEditor editor = HllEditor.create();
    editor.raiseAll(max);
    assertFalse(HllStrings.isDense(editor.toBytes()));
    max[7] = 40;
    editor.raiseAll(max);
    byte[] s = editor.toBytes();
    assertTrue(HllStrings.isDense(s));
    assertArrayEquals(max, registers(s));
  }

  /** Past 3000 bytes the sparse form gives way to the dense one, with the same registers. */
  @Test
  void aGrowingSketchTurnsDenseWithTheSameRegisters() {
    HllEditor editor = HllEditor.create();
    SplittableRandom random = new SplittableRandom(1);
    byte[] lastSparse;
    do {
      lastSparse = editor.toBytes();
      editor.add(Long.toString(random.nextLong()).getBytes(StandardCharsets.US_ASCII));
    } while (!HllStrings.isDense(editor.toBytes()));
    assertTrue(lastSparse.length <= SparseRegisters.MAX_BYTES && lastSparse.length > SparseRegisters.MAX_BYTES - 10,
        "sparse until close to the limit: " + lastSparse.length);
    assertArrayEquals(registers(lastSparse), registersBelow(editor.toBytes(), lastSparse));
    assertEquals(HllLayout.DENSE_SIZE, editor.toBytes().length);
  }

  @Test
  void denseRegistersStraddlingBytesRoundTrip() {
    byte[] s = HllEditor.create().toBytes();
    HllEditor editor = HllEditor.of(s);
    editor.makeDense();
    byte[] max = new byte[HllStrings.REGISTERS];
    for (int i = 0; i < max.length; i++) {
      max[i] = (byte) ((i * 7 + 3) % 64);
    }
    editor.raiseAll(max);
    assertArrayEquals(max, registers(editor.toBytes()));
  }

  @Test
  void aCachedCountIsMarkedStaleOnlyWhenSomethingChanged() {
    HllEditor editor = HllEditor.of(HllEditor.create().toBytes());
    assertTrue(HllLayout.hasCachedCount(editor.toBytes()));
    assertTrue(editor.add(new byte[] {'a'}));
    assertFalse(HllLayout.hasCachedCount(editor.toBytes()));
  }

  @Test
  void aSparseSketchMissingRegistersIsCorruptWhenRead() {
    byte[] s = HllEditor.create().toBytes();
    HllLayout.markCacheStale(s); // else the valid cached count (0) is answered without reading registers
    s[17] = (byte) 0xfe; // XZERO of 16383 registers: one short
    assertThrows(CorruptHllException.class, () -> HllStrings.count(s));
    assertThrows(CorruptHllException.class, () -> HllStrings.foldInto(s, new byte[HllStrings.REGISTERS]));
  }

  /** The registers of {@code s} clamped to those of {@code before}: equal if only one register rose. */
  private static byte[] registersBelow(byte[] s, byte[] before) {
    byte[] now = registers(s);
    byte[] then = registers(before);
    int risen = 0;
    for (int i = 0; i < now.length; i++) {
      risen += now[i] != then[i] ? 1 : 0;
      now[i] = (byte) Math.min(now[i], then[i]);
    }
    assertTrue(risen <= 1, "one element raises at most one register");
    return now;
  }

  private static byte[] registers(byte[] s) {
    byte[] registers = new byte[HllStrings.REGISTERS];
    HllStrings.foldInto(s, registers);
    return registers;
  }
}
