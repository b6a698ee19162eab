package io.slotraft.tests.nemesis.workload;

import redis.clients.jedis.Jedis;

/** What an operation sends on the connection to its key's leader; it may throw NotApplied itself. */
@FunctionalInterface
public interface RespCall<T> {
  T run(Jedis jedis) throws NotAppliedException, IndeterminateException;
}
