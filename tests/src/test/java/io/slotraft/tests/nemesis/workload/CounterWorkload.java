package io.slotraft.tests.nemesis.workload;

import io.slotraft.tests.consistency.Checker;
import io.slotraft.tests.consistency.CounterChecker;
import io.slotraft.tests.harness.ShardProbes;
import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.history.OpFunction;
import java.util.List;
import java.util.Random;

/**
 * Counters: INCRBY of 1 to 5 on one key in each shard, and reads (GET), then a final read of each. Every read
 * must lie between the increments certainly applied and those possibly applied. Even processes
 * speak RESP; odd ones use the smart client, whose write sessions make a resent INCRBY apply once.
 */
public final class CounterWorkload implements Workload {

  private final ClusterEndpoints endpoints;
  private final List<String> keyNames;
  private final ProcessClients clients;

  public CounterWorkload(ClusterEndpoints endpoints, int processes) {
    this.endpoints = endpoints;
    this.keyNames = ShardProbes.oneKeyPerShard("ctr:", endpoints.shards());
    this.clients = new ProcessClients(endpoints, processes);
  }

  @Override
  public String name() {
    return "counter";
  }

  /** One key in each shard's slot range, so that every fault hits some of the workload's keys. */
  private String key(int index) {
    return keyNames.get(index);
  }

  @Override
  public void operate(int process, HistoryRecorder recorder) {
    Random random = clients.random(process);
    String key = key(random.nextInt(keyNames.size()));
    RespClient client = clients.resp(process).orElse(null);
    if (random.nextInt(5) == 0) {
      Recorded.read(recorder.invoke(process, OpFunction.READ, key, null), () -> read(client, key));
      return;
    }
    long amount = 1 + random.nextInt(5);
    Recorded.update(recorder.invoke(process, OpFunction.INCR, key, amount), () -> client != null
        ? client.call(key, jedis -> jedis.incrBy(key, amount))
        : clients.grpc().call(c -> c.incrby(key, amount)));
  }

  /**
   * The counter as Redis answers it (null while absent), unparsed: the checker reads decimal
   * strings, and reports anything else as an anomaly rather than this client dropping it.
   */
  private String read(RespClient client, String key) throws NotAppliedException, IndeterminateException {
    return client != null ? client.call(key, jedis -> jedis.get(key)) : clients.grpc().call(c -> c.get(key));
  }

  @Override
  public void finalReads(HistoryRecorder recorder) {
    RespClient reader = endpoints.respClient(-1);
    try {
      for (int i = 0; i < keyNames.size(); i++) {
        String key = key(i);
        FinalReads.read(recorder, FinalReads.PROCESS, key, () -> read(reader, key));
      }
    } finally {
      reader.close();
    }
  }

  @Override
  public Checker checker() {
    return new CounterChecker();
  }

  @Override
  public void close() {
    clients.close();
  }
}
