package io.slotraft.tests.workload;

import io.slotraft.client.SlotraftClient;
import io.slotraft.client.api.sync.SlotraftCommands;
import io.slotraft.client.metrics.ClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Slotraft smart client: each round SETs a new key, INCRs this thread's counter, GETs a key
 * written earlier and, every fourth round, MGETs three keys of different slots. INCR is not
 * idempotent; the client numbers it in its write session, so a retry after a lost reply is applied
 * once: each counter must end equal to the INCRs acknowledged on it, and each INCR must answer one
 * more than the last.
 */
public final class SmartClientLoad extends ClientLoad {
  private final SlotraftClient client;
  private final SlotraftCommands redis;
  private final Map<String, AtomicLong> incrsAcknowledged = new ConcurrentHashMap<>();

  public SmartClientLoad(List<Integer> grpcPorts, int threads) {
    super("smart-client", threads);
    this.client = SlotraftClient.builder()
        .seeds(grpcPorts.stream().map(port -> "127.0.0.1:" + port).toArray(String[]::new))
        .commandTimeout(Duration.ofSeconds(30))
        .build();
    this.redis = client.sync();
  }

  public static String counterKey(int thread) {
    return "smart:counter:" + thread;
  }

  @Override
  protected void step(int thread, long round) {
    setThenReadEarlier("smart", "s", thread, round, redis::set, redis::get);

    String counter = counterKey(thread);
    AtomicLong acked = incrsAcknowledged.computeIfAbsent(counter, k -> new AtomicLong());
    begin("INCR");
    long after = redis.incr(counter);
    read(counter, Long.toString(acked.get() + 1), Long.toString(after));
    acked.set(after);
    succeeded();

    if (round % 4 == 3) {
      begin("MGET");
      List<String> values = redis.mget("smart:" + thread + ":" + round, "smart:" + thread + ":" + (round - 1),
          "smart:" + thread + ":" + (round - 2));
      read("mget smart:" + thread + ":" + round + "..", List.of("s" + round, "s" + (round - 1), "s" + (round - 2)).toString(),
          values.toString());
      succeeded();
    }
  }

  /** Per counter key, the value of its last acknowledged INCR (which, exactly once, is how many there were). */
  public Map<String, Long> acknowledgedIncrs() {
    Map<String, Long> counts = new ConcurrentHashMap<>();
    incrsAcknowledged.forEach((key, count) -> counts.put(key, count.get()));
    return Map.copyOf(counts);
  }

  public ClientMetrics metrics() {
    return client.metrics();
  }

  @Override
  protected void closeClient() {
    client.close();
  }
}
