package io.slotraft.tests.harness;

import redis.clients.jedis.util.JedisClusterCRC16;

/** The slot of a key, computed by the client library (an independent implementation of ours). */
public final class Slots {
  private Slots() {}

  public static int of(String key) {
    return JedisClusterCRC16.getSlot(key);
  }
}
