package io.slotraft.tests.harness;

import redis.clients.jedis.util.JedisClusterCRC16;

/** The slot of a key, computed by the client library (an independent implementation of ours). */
public final class Slots {
  private Slots() {}

  public static int of(String key) {
    return JedisClusterCRC16.getSlot(key);
  }

  /** A key in {@code slot}: {@code name} behind a hash tag that hashes there. */
  public static String keyInSlot(int slot, String name) {
    return "{" + tagOf(slot) + "}" + name;
  }

  private static String tagOf(int slot) {
    for (int i = 0; ; i++) {
      if (of("t" + i) == slot) {
        return "t" + i;
      }
    }
  }
}
