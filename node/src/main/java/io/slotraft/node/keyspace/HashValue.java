package io.slotraft.node.keyspace;

/**
 * A Redis hash: fields and their values, both byte strings. Stored packed (see
 * {@link PackedRecords}): about 10 bytes of overhead per field on top of its field and value bytes.
 * Change it only through {@link ExecutionContext#forUpdate}, which copies it first if a snapshot may
 * still be reading it.
 */
public final class HashValue extends PackedCollection {

  public HashValue() {
    super(PackedRecords.empty(true));
  }

  private HashValue(PackedRecords records) {
    super(records);
  }

  private HashValue(HashValue other) {
    super(other);
  }

  /**
   * A hash read back from {@link #toPackedBytes()}, which it keeps as its storage. Throws
   * IllegalArgumentException if the bytes are not {@code count} distinct fields with values.
   */
  public static HashValue fromPackedBytes(byte[] bytes, int count) {
    HashValue hash = new HashValue(PackedRecords.fromExport(bytes, true, count));
    hash.checkDistinct();
    return hash;
  }

  @Override
  protected MutableValue copy() {
    return new HashValue(this);
  }

  @Override
  public String typeName() {
    return "hash";
  }

  /** The field's value, or null. */
  public byte[] get(byte[] field) {
    int pos = find(field);
    return pos < 0 ? null : records.value(pos);
  }

  public boolean contains(byte[] field) {
    return find(field) >= 0;
  }

  /** The length of the field's value, 0 when the field is absent (as HSTRLEN answers). */
  public int valueLength(byte[] field) {
    int pos = find(field);
    return pos < 0 ? 0 : records.valueLength(pos);
  }

  /** Sets the field's value; true when the field is new. A replaced field keeps its position. */
  public boolean put(byte[] field, byte[] value) {
    int pos = find(field);
    if (pos >= 0) {
      records.setValue(pos, value);
      return false;
    }
    append(field, value);
    return true;
  }

  /** Removes the field; true when it was there. */
  public boolean remove(byte[] field) {
    int pos = find(field);
    if (pos < 0) {
      return false;
    }
    removeAt(pos);
    return true;
  }

  public byte[] fieldAt(int pos) {
    return records.key(pos);
  }

  public byte[] valueAt(int pos) {
    return records.value(pos);
  }
}
