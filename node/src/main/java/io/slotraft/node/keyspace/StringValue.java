package io.slotraft.node.keyspace;

/** A Redis string: a byte array that is never modified after it is stored. */
public record StringValue(byte[] bytes) implements RedisValue {

  @Override
  public String typeName() {
    return "string";
  }

  @Override
  public long approximateBytes() {
    return 16L + bytes.length;
  }
}
