package io.slotraft.node.keyspace;

/**
 * A Redis set: distinct byte-string members. Stored packed (see {@link PackedRecords}): about 9
 * bytes of overhead per member on top of its bytes. Change it only through {@link
 * ExecutionContext#forUpdate}, which copies it first if a snapshot may still be reading it.
 */
public final class SetValue extends PackedCollection {

  public SetValue() {
    super(PackedRecords.empty(false));
  }

  private SetValue(PackedRecords records) {
    super(records);
  }

  private SetValue(SetValue other) {
    super(other);
  }

  /**
   * A set read back from {@link #toPackedBytes()}, which it keeps as its storage. Throws
   * IllegalArgumentException if the bytes are not {@code count} distinct members.
   */
  public static SetValue fromPackedBytes(byte[] bytes, int count) {
    SetValue set = new SetValue(PackedRecords.fromExport(bytes, false, count));
    set.checkDistinct();
    return set;
  }

  @Override
  protected MutableValue copy() {
    return new SetValue(this);
  }

  @Override
  public String typeName() {
    return "set";
  }

  public boolean contains(byte[] member) {
    return find(member) >= 0;
  }

  /** Adds the member; true when it was not there yet. */
  public boolean add(byte[] member) {
    if (find(member) >= 0) {
      return false;
    }
    append(member, null);
    return true;
  }

  /** Removes the member; true when it was there. */
  public boolean remove(byte[] member) {
    int pos = find(member);
    if (pos < 0) {
      return false;
    }
    removeAt(pos);
    return true;
  }

  public byte[] memberAt(int pos) {
    return records.key(pos);
  }
}
