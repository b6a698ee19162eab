package io.slotraft.node.hyperloglog;

/**
 * A sketch being changed by PFADD or PFMERGE: a private copy, sparse until it has to turn dense.
 * {@link #toBytes} gives the string to store.
 */
public final class HllEditor {
  /** Null once the sketch is dense. */
  private SparseEditor sparse;
  private byte[] dense;
  private boolean changed;

  private HllEditor(SparseEditor sparse, byte[] dense) {
    this.sparse = sparse;
    this.dense = dense;
  }

  /** An empty sketch, sparse: one XZERO opcode for every register. */
  public static HllEditor create() {
    byte[] s = HllLayout.withHeader(HllLayout.SPARSE, HllLayout.HEADER_SIZE + 2);
    SparseRegisters.putXZero(s, HllLayout.HEADER_SIZE, HllLayout.REGISTERS);
    return new HllEditor(new SparseEditor(s), null);
  }

  /** A copy of {@code sketch}, which must pass {@link HllStrings#isSketch}. */
  public static HllEditor of(byte[] sketch) {
    if (!HllLayout.isSketch(sketch)) {
      throw new IllegalArgumentException("not a HyperLogLog string");
    }
    return HllLayout.isDense(sketch)
        ? new HllEditor(null, sketch.clone())
        : new HllEditor(new SparseEditor(sketch), null);
  }

  /** Records an element; true when a register changed. */
  public boolean add(byte[] element) {
    long hash = HllHash.hash(element);
    return raise(HllHash.register(hash), HllHash.rank(hash));
  }

  /** Raises every register to the matching {@code max[i]}, in register order as Redis does. */
  public void raiseAll(byte[] max) {
    for (int i = 0; i < HllLayout.REGISTERS; i++) {
      if (max[i] != 0) {
        raise(i, max[i]);
      }
    }
  }

  /** Converts to dense now, as PFMERGE does when any of its inputs is dense. */
  public void makeDense() {
    if (sparse != null) {
      dense = sparse.toDense();
      sparse = null;
    }
  }

  /** The string to store. The cached cardinality is marked stale if a register changed. */
  public byte[] toBytes() {
    byte[] s = sparse != null ? sparse.toBytes() : dense.clone();
    if (changed) {
      HllLayout.markCacheStale(s);
    }
    return s;
  }

  /** Marks the cached cardinality stale even if no register changed, as PFMERGE and a new PFADD key do. */
  public void markChanged() {
    changed = true;
  }

  private boolean raise(int index, int value) {
    boolean raised = sparse != null ? raiseSparse(index, value) : DenseRegisters.raise(dense, index, value);
    changed |= raised;
    return raised;
  }

  private boolean raiseSparse(int index, int value) {
    switch (sparse.raise(index, value)) {
      case UNCHANGED:
        return false;
      case RAISED:
        return true;
      default:
        makeDense();
        return DenseRegisters.raise(dense, index, value);
    }
  }
}
