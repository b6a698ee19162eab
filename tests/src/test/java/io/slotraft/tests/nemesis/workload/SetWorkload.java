package io.slotraft.tests.nemesis.workload;

import io.slotraft.tests.consistency.Checker;
import io.slotraft.tests.consistency.SetChecker;
import io.slotraft.tests.harness.ShardProbes;
import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.history.OpFunction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sets: every process SADDs elements unique in the run ({@code p<process>-<n>}) to one of a few
 * sets, one in each shard; once the faults are over, SMEMBERS of each set. Every acknowledged
 * add must be there, and nothing that was never added. RESP only (the smart client has no set
 * commands).
 */
public final class SetWorkload implements Workload {

  private final ClusterEndpoints endpoints;
  private final List<String> keyNames;
  private final Map<Integer, RespClient> resp = new ConcurrentHashMap<>();
  private final Map<Integer, Long> added = new ConcurrentHashMap<>();

  public SetWorkload(ClusterEndpoints endpoints, int processes) {
    this.endpoints = endpoints;
    this.keyNames = ShardProbes.oneKeyPerShard("set:", endpoints.shards());
    for (int p = 0; p < processes; p++) {
      resp.put(p, endpoints.respClient(p));
    }
  }

  @Override
  public String name() {
    return "set";
  }

  /** One key in each shard's slot range, so that every fault hits some of the workload's keys. */
  private String key(int index) {
    return keyNames.get(index);
  }

  @Override
  public void operate(int process, HistoryRecorder recorder) {
    long n = added.merge(process, 1L, Long::sum);
    String key = key((int) ((process + n) % keyNames.size()));
    String element = "p" + process + "-" + n;
    Recorded.update(recorder.invoke(process, OpFunction.ADD, key, element),
        () -> resp.get(process).call(key, jedis -> jedis.sadd(key, element)));
  }

  @Override
  public void finalReads(HistoryRecorder recorder) {
    RespClient reader = endpoints.respClient(-1);
    try {
      for (int i = 0; i < keyNames.size(); i++) {
        String key = key(i);
        FinalReads.read(recorder, FinalReads.PROCESS, key, () -> {
          Set<String> members = reader.call(key, jedis -> jedis.smembers(key));
          return List.copyOf(new TreeSet<>(members));
        });
      }
    } finally {
      reader.close();
    }
  }

  @Override
  public Checker checker() {
    return new SetChecker();
  }

  @Override
  public void close() {
    List.copyOf(resp.values()).forEach(RespClient::close);
  }
}
