package io.slotraft.tests.nemesis.workload;

import io.slotraft.tests.consistency.Checker;
import io.slotraft.tests.consistency.LinearizabilityChecker;
import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.history.Invocation;
import io.slotraft.tests.history.OpFunction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.Transaction;

/**
 * Registers: reads (GET), writes (SET of a value unique in the run) and compare-and-set (WATCH,
 * GET, MULTI, SET, EXEC on one key), checked for linearizability key by key, with a final read of
 * every key once the faults are over.
 *
 * <p>Even processes speak RESP and do all three; odd ones speak gRPC through the smart client and
 * read and write (it has no transactions). Processes share keys in groups of about three, and every
 * group moves to a fresh key every {@value #KEY_SECONDS} s: the checker's search grows with the
 * concurrency and the indeterminate writes on one key, not with the length of the run.
 */
public final class RegisterWorkload implements Workload {
  static final int KEY_SECONDS = 3;
  private static final int GROUPS = 3;

  private final ClusterEndpoints endpoints;
  private final long startNanos = System.nanoTime();
  /** Per process, the value it last saw on its current key: what its next cas expects. */
  private final Map<Integer, String> lastSeen = new ConcurrentHashMap<>();
  private final Map<Integer, String> lastKey = new ConcurrentHashMap<>();
  private final Set<String> keysUsed = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Long> written = new ConcurrentHashMap<>();
  private final ProcessClients clients;

  public RegisterWorkload(ClusterEndpoints endpoints, int processes) {
    this.endpoints = endpoints;
    this.clients = new ProcessClients(endpoints, processes);
  }

  @Override
  public String name() {
    return "register";
  }

  @Override
  public void operate(int process, HistoryRecorder recorder) {
    Random random = clients.random(process);
    String key = "reg:" + (process % GROUPS) + ":" + (System.nanoTime() - startNanos) / 1_000_000_000L / KEY_SECONDS;
    keysUsed.add(key);
    if (!key.equals(lastKey.put(process, key))) {
      lastSeen.remove(process); // a fresh key is absent: cas expects null until something is seen
    }
    int dice = random.nextInt(10);
    boolean overResp = clients.resp(process).isPresent();
    if (dice < 4) {
      read(process, key, recorder, overResp);
    } else if (dice < 7 || !overResp) {
      write(process, key, recorder, overResp);
    } else {
      compareAndSet(process, key, recorder);
    }
  }

  private void read(int process, String key, HistoryRecorder recorder, boolean overResp) {
    Invocation invocation = recorder.invoke(process, OpFunction.READ, key, null);
    Recorded.read(invocation, () -> {
      String value = overResp ? clients.resp(process).orElseThrow().call(key, jedis -> jedis.get(key)) : clients.grpc().call(c -> c.get(key));
      remember(process, value);
      return value;
    });
  }

  private void write(int process, String key, HistoryRecorder recorder, boolean overResp) {
    String value = freshValue(process);
    Invocation invocation = recorder.invoke(process, OpFunction.WRITE, key, value);
    Recorded.update(invocation, () -> {
      if (overResp) {
        clients.resp(process).orElseThrow().call(key, jedis -> jedis.set(key, value));
      } else {
        clients.grpc().call(c -> c.set(key, value));
      }
      remember(process, value);
      return value;
    });
  }

  /** ConcurrentHashMap holds no null: an absent key is "nothing seen", which cas also reads as null. */
  private void remember(int process, String value) {
    if (value == null) {
      lastSeen.remove(process);
    } else {
      lastSeen.put(process, value);
    }
  }

  /**
   * cas [expected, new]: WATCH the key, GET it; a different value is a compare that failed (nothing
   * was written). MULTI SET EXEC then writes unless someone wrote the key since the WATCH (EXEC's
   * null reply: nothing was written either). Only EXEC can have written: a broken connection before
   * it was sent is "not applied", after it "unknown".
   */
  private void compareAndSet(int process, String key, HistoryRecorder recorder) {
    String expected = lastSeen.get(process);
    String value = freshValue(process);
    Invocation invocation = recorder.invoke(process, OpFunction.CAS, key, Arrays.asList(expected, value));
    Recorded.update(invocation, () -> clients.resp(process).orElseThrow().call(key, jedis -> {
      Transaction transaction;
      try {
        jedis.watch(key);
        String current = jedis.get(key);
        if (!java.util.Objects.equals(current, expected)) {
          jedis.unwatch();
          remember(process, current);
          throw new NotAppliedException("compare failed: " + current);
        }
        transaction = jedis.multi();
        transaction.set(key, value);
      } catch (redis.clients.jedis.exceptions.JedisConnectionException beforeExec) {
        throw new NotAppliedException("connection broke before EXEC: " + beforeExec.getMessage());
      }
      List<Object> replies = transaction.exec();
      if (replies == null) {
        throw new NotAppliedException("EXEC aborted: the key changed after WATCH");
      }
      remember(process, value);
      return value;
    }));
  }

  private String freshValue(int process) {
    long n = written.merge(process, 1L, Long::sum);
    return "p" + process + "-" + n;
  }

  /**
   * Every key once more, after the faults: a write acknowledged at the end of its key's few seconds
   * may have no read after it during the run, and only a read after it can tell it was lost.
   */
  @Override
  public void finalReads(HistoryRecorder recorder) {
    RespClient reader = endpoints.respClient(-1);
    try {
      for (String key : new TreeSet<>(keysUsed)) {
        FinalReads.read(recorder, FinalReads.PROCESS, key, () -> reader.call(key, jedis -> jedis.get(key)));
      }
    } finally {
      reader.close();
    }
  }

  @Override
  public Checker checker() {
    return LinearizabilityChecker.registers();
  }

  @Override
  public void close() {
    clients.close();
  }
}
