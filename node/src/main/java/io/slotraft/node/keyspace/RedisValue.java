package io.slotraft.node.keyspace;

/**
 * A value stored under a key. A {@link StringValue} is immutable once stored: a command that changes
 * one stores a new one. A {@link MutableValue} (the collection types) is changed in place, but only
 * through {@link Keyspace#forUpdate}, which copies it first if a snapshot may still be reading it.
 * Either way a snapshot can capture references on the apply thread and write them out on another
 * thread while writes go on.
 */
public sealed interface RedisValue permits StringValue, MutableValue {

  /** The name TYPE answers with. */
  String typeName();

  /** A rough count of heap bytes held, for INFO memory. */
  long approximateBytes();
}
