package io.slotraft.node.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters the node keeps for INFO stats and INFO commandstats. Thread-safe; cheap to update. */
public final class ServerStats {
  private final long startedAtMs;
  private final LongAdder connectionsReceived = new LongAdder();
  private final LongAdder commandsProcessed = new LongAdder();
  private final LongAdder rejectedConnections = new LongAdder();
  private final Map<String, CommandStat> perCommand = new ConcurrentHashMap<>();

  public ServerStats(long startedAtMs) {
    this.startedAtMs = startedAtMs;
  }

  /** CONFIG RESETSTAT: counters start again from zero (the start time stays). */
  public void reset() {
    connectionsReceived.reset();
    commandsProcessed.reset();
    rejectedConnections.reset();
    perCommand.clear();
  }

  public long startedAtMs() {
    return startedAtMs;
  }

  public void connectionOpened() {
    connectionsReceived.increment();
  }

  public long connectionsReceived() {
    return connectionsReceived.sum();
  }

  public long rejectedConnections() {
    return rejectedConnections.sum();
  }

  /** Records one finished command: its lower-case name, time taken, and whether it failed. */
  public void commandDone(String name, long micros, boolean failed) {
    commandsProcessed.increment();
    perCommand.computeIfAbsent(name, n -> new CommandStat()).record(micros, failed);
  }

  public long commandsProcessed() {
    return commandsProcessed.sum();
  }

  public Map<String, CommandStat> perCommand() {
    return perCommand;
  }

  /** Calls, total time and failures of one command. */
  public static final class CommandStat {
    private final LongAdder calls = new LongAdder();
    private final LongAdder micros = new LongAdder();
    private final LongAdder failed = new LongAdder();

    void record(long tookMicros, boolean wasFailed) {
      calls.increment();
      micros.add(tookMicros);
      if (wasFailed) {
        failed.increment();
      }
    }

    public long calls() {
      return calls.sum();
    }

    public long micros() {
      return micros.sum();
    }

    public long failed() {
      return failed.sum();
    }
  }
}
