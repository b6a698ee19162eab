package io.slotraft.tests.nemesis.workload;

import io.slotraft.tests.consistency.BankChecker;
import io.slotraft.tests.consistency.Checker;
import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.history.OpFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Bank transfers: each group of {@value #ACCOUNTS} accounts shares one hash tag (so one slot, one
 * shard) and starts with {@value #TOTAL} in all. A transfer WATCHes both accounts, reads them, and
 * (no overdrafts) moves an amount with MULTI, DECRBY, INCRBY, EXEC. Reads take every balance of a
 * group at once (MGET over RESP, or over gRPC for odd processes). No read may see a total other than
 * {@value #TOTAL} or a negative balance, and the final read of each group must hold every acknowledged
 * transfer.
 */
public final class BankWorkload implements Workload {
  static final int ACCOUNTS = 5;
  static final long TOTAL = 100;
  private static final List<String> GROUPS = List.of("bank0", "bank1");

  private final ClusterEndpoints endpoints;
  private final ProcessClients clients;

  public BankWorkload(ClusterEndpoints endpoints, int processes) {
    this.endpoints = endpoints;
    this.clients = new ProcessClients(endpoints, processes);
  }

  @Override
  public String name() {
    return "bank";
  }

  private static String account(int index) {
    return "a" + index;
  }

  private static String keyOf(String group, String account) {
    return "{" + group + "}:" + account;
  }

  private static Set<String> accounts() {
    Set<String> accounts = new LinkedHashSet<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      accounts.add(account(i));
    }
    return accounts;
  }

  /** Every group's accounts at TOTAL / ACCOUNTS, with MSET: safe to send until acknowledged, nothing else writes yet. */
  @Override
  public void setUp() throws Exception {
    RespClient client = endpoints.respClient(-1);
    try {
      for (String group : GROUPS) {
        List<String> keysAndValues = new ArrayList<>();
        for (String account : accounts()) {
          keysAndValues.add(keyOf(group, account));
          keysAndValues.add(Long.toString(TOTAL / ACCOUNTS));
        }
        String first = keyOf(group, account(0));
        for (int attempt = 0; ; attempt++) {
          try {
            client.call(first, jedis -> jedis.mset(keysAndValues.toArray(String[]::new)));
            break;
          } catch (NotAppliedException | IndeterminateException e) {
            if (attempt == 20) {
              throw new IllegalStateException("cannot set up " + group + ": " + e.getMessage());
            }
            Thread.sleep(500);
          }
        }
      }
    } finally {
      client.close();
    }
  }

  @Override
  public void operate(int process, HistoryRecorder recorder) {
    Random random = clients.random(process);
    String group = GROUPS.get(random.nextInt(GROUPS.size()));
    RespClient client = clients.resp(process).orElse(null);
    if (client == null || random.nextInt(3) == 0) {
      Recorded.read(recorder.invoke(process, OpFunction.READ, group, null), () -> balances(client, group));
      return;
    }
    String from = account(random.nextInt(ACCOUNTS));
    String to = account((Integer.parseInt(from.substring(1)) + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS);
    long amount = 1 + random.nextInt(5);
    Map<String, Object> transfer = new LinkedHashMap<>();
    transfer.put("from", from);
    transfer.put("to", to);
    transfer.put("amount", amount);
    Recorded.update(recorder.invoke(process, OpFunction.TRANSFER, group, transfer),
        () -> client.call(keyOf(group, from), jedis -> transfer(jedis, group, from, to, amount)));
  }

  /** Only EXEC can move money: a broken connection before it is "not applied", in or after it "unknown". */
  private static Object transfer(redis.clients.jedis.Jedis jedis, String group, String from, String to, long amount)
      throws NotAppliedException {
    String fromKey = keyOf(group, from);
    String toKey = keyOf(group, to);
    Transaction transaction;
    try {
      jedis.watch(fromKey, toKey);
      String balance = jedis.get(fromKey);
      if (balance == null || Long.parseLong(balance) < amount) {
        jedis.unwatch();
        throw new NotAppliedException("insufficient funds: " + from + " has " + balance);
      }
      transaction = jedis.multi();
      transaction.decrBy(fromKey, amount);
      transaction.incrBy(toKey, amount);
    } catch (JedisConnectionException beforeExec) {
      throw new NotAppliedException("connection broke before EXEC: " + beforeExec.getMessage());
    }
    if (transaction.exec() == null) {
      throw new NotAppliedException("EXEC aborted: a balance changed after WATCH");
    }
    return null;
  }

  /** Every balance of the group as Redis answers it (decimal strings, null if absent). */
  private Map<String, Object> balances(RespClient client, String group)
      throws NotAppliedException, IndeterminateException {
    List<String> keys = new ArrayList<>();
    for (String account : accounts()) {
      keys.add(keyOf(group, account));
    }
    String[] keyArray = keys.toArray(String[]::new);
    List<String> values = client != null
        ? client.call(keyArray[0], jedis -> jedis.mget(keyArray))
        : clients.grpc().call(c -> c.mget(keyArray));
    Map<String, Object> balances = new LinkedHashMap<>();
    int i = 0;
    for (String account : accounts()) {
      balances.put(account, values.get(i++));
    }
    return balances;
  }

  @Override
  public void finalReads(HistoryRecorder recorder) {
    RespClient reader = endpoints.respClient(-1);
    try {
      for (String group : GROUPS) {
        FinalReads.read(recorder, FinalReads.PROCESS, group, () -> balances(reader, group));
      }
    } finally {
      reader.close();
    }
  }

  /** What {@link #setUp} writes into every group, so the checker can tell a transfer lost from the final balances. */
  @Override
  public Checker checker() {
    Map<String, Long> initial = new LinkedHashMap<>();
    accounts().forEach(account -> initial.put(account, TOTAL / ACCOUNTS));
    return new BankChecker(initial, false);
  }

  @Override
  public void close() {
    clients.close();
  }
}
