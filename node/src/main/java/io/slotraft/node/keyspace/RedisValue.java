package io.slotraft.node.keyspace;

/**
 * A value stored under a key. Values are treated as immutable once stored: a command that changes
 * one stores a new value. That is what lets a snapshot capture references on the apply thread and
 * write them out on another thread while writes go on (copy-on-write of values).
 */
public sealed interface RedisValue permits StringValue {

  /** The name TYPE answers with. */
  String typeName();

  /** A rough count of heap bytes held, for INFO memory. */
  long approximateBytes();
}
