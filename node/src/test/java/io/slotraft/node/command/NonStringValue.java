package io.slotraft.node.command;

import io.slotraft.node.keyspace.MutableValue;

/**
 * A value of no real type, for scenarios that need a key holding something other than a string
 * before the collection types exist on this branch: every string command must answer WRONGTYPE.
 */
final class NonStringValue extends MutableValue {
  @Override
  protected MutableValue copy() {
    return new NonStringValue();
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public String typeName() {
    return "list";
  }

  @Override
  public long approximateBytes() {
    return 16;
  }
}
