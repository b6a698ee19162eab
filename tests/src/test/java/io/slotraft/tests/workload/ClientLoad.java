package io.slotraft.tests.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A mixed workload of one client library on a few threads, until {@link #stop()}. Each thread runs
 * {@link #step(int, long)} in a loop; a step that throws is a failure (counted, the first few kept
 * with their stack traces) and the loop goes on. What the step writes and sees acknowledged it
 * records with {@link #acknowledged(String, String)}; a read that returns something other than the
 * acknowledged value is a {@link #wrongRead}.
 */
public abstract class ClientLoad implements AutoCloseable {
  private static final int KEPT_FAILURES = 5;

  private final String name;
  private final int threadCount;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong operations = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final List<String> firstFailures = new CopyOnWriteArrayList<>();
  private final List<String> wrongReads = new CopyOnWriteArrayList<>();
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private long startedNanos;
  /** The operation each thread is running, and since when (nanoTime). */
  private final ThreadLocal<String> operation = new ThreadLocal<>();
  private final ThreadLocal<Long> operationStarted = new ThreadLocal<>();
  private volatile String slowest = "none";
  private volatile long slowestNanos;
  /** Operations that took over a second, the first few: what, how long, when. */
  private final List<String> slowOperations = new CopyOnWriteArrayList<>();

  protected ClientLoad(String name, int threadCount) {
    this.name = name;
    this.threadCount = threadCount;
  }

  /** One round of operations on thread {@code thread}; {@code round} counts that thread's rounds. */
  protected abstract void step(int thread, long round) throws Exception;

  /** Closes the library's connections; called after the threads stopped. */
  protected abstract void closeClient();

  public final String name() {
    return name;
  }

  public final void start() {
    startedNanos = System.nanoTime();
    for (int t = 0; t < threadCount; t++) {
      int thread = t;
      Thread worker = new Thread(() -> loop(thread), name + "-" + t);
      worker.setDaemon(true);
      threads.add(worker);
      worker.start();
    }
  }

  private void loop(int thread) {
    for (long round = 0; running.get(); round++) {
      try {
        step(thread, round);
      } catch (Exception | AssertionError e) {
        failures.incrementAndGet();
        if (firstFailures.size() < KEPT_FAILURES) {
          firstFailures.add(describe(e));
        }
      }
    }
  }

  /** Asks the threads to finish their current step and waits for them (each step is bounded by the library's timeouts). */
  public final void stop() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(120_000);
      if (thread.isAlive()) {
        throw new IllegalStateException(thread.getName() + " did not stop within 120 s");
      }
    }
  }

  /** Marks the start of an operation, to find the slowest one. */
  protected final void begin(String name) {
    operation.set(name);
    operationStarted.set(System.nanoTime());
  }

  /** Counts one operation that the server answered (through the library's retries). */
  protected final void succeeded() {
    operations.incrementAndGet();
    Long started = operationStarted.get();
    if (started != null) {
      long now = System.nanoTime();
      long took = now - started;
      if (took > 1_000_000_000L && slowOperations.size() < 20) {
        slowOperations.add(String.format("%s %d ms from +%d ms", operation.get(), took / 1_000_000,
            (started - startedNanos) / 1_000_000));
      }
      synchronized (this) {
        if (took > slowestNanos) {
          slowestNanos = took;
          slowest = String.format("%s took %d ms, from +%d ms", operation.get(), took / 1_000_000,
              (started - startedNanos) / 1_000_000);
        }
      }
    }
  }

  /** The first few operations that took over a second: what, how long, and when they started. */
  public final List<String> slowOperations() {
    return List.copyOf(slowOperations);
  }

  /** The slowest answered operation: what, how long, and when it started (ms after the load started). */
  public final String slowestOperation() {
    return slowest;
  }

  protected final void acknowledged(String key, String value) {
    acknowledged.put(key, value);
  }

  /** Checks a read against what this load wrote and saw acknowledged. */
  protected final void read(String key, String expected, String actual) {
    if (!expected.equals(actual)) {
      wrongReads.add(key + ": read " + actual + ", acknowledged " + expected);
    }
  }

  /**
   * The step every client's load shares: SET a key of its own ({@code <prefix>:<thread>:<round>}
   * to {@code <tag><round>}), then GET one it wrote earlier and check the value.
   */
  protected final void setThenReadEarlier(String prefix, String tag, int thread, long round,
      BiConsumer<String, String> set, Function<String, String> get) {
    begin("SET");
    set.accept(prefix + ":" + thread + ":" + round, tag + round);
    acknowledged(prefix + ":" + thread + ":" + round, tag + round);
    succeeded();
    long earlier = round / 2;
    String earlierKey = prefix + ":" + thread + ":" + earlier;
    begin("GET");
    read(earlierKey, tag + earlier, get.apply(earlierKey));
    succeeded();
  }

  public final long operations() {
    return operations.get();
  }

  public final long failures() {
    return failures.get();
  }

  /** The first few failures: when (ms after start), and the exception with its causes. */
  public final List<String> firstFailures() {
    return List.copyOf(firstFailures);
  }

  public final List<String> wrongReads() {
    return List.copyOf(wrongReads);
  }

  /** Every write this load saw acknowledged: key to value. */
  public final Map<String, String> acknowledgedWrites() {
    return Map.copyOf(acknowledged);
  }

  /** A readable summary of the failures, the first ones with their causes, for assertion messages. */
  public final String failureReport() {
    StringBuilder text = new StringBuilder(name + ": " + failures() + " failed operations");
    firstFailures.forEach(failure -> text.append("\n  ").append(failure));
    return text.toString();
  }

  private String describe(Throwable failure) {
    StringBuilder text = new StringBuilder("+" + (System.nanoTime() - startedNanos) / 1_000_000 + " ms: " + failure);
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      text.append("\n    caused by ").append(cause);
    }
    for (Throwable suppressed : failure.getSuppressed()) {
      text.append("\n    suppressed ").append(suppressed);
    }
    return text.toString();
  }

  @Override
  public final void close() throws InterruptedException {
    if (running.get()) {
      stop();
    }
    closeClient();
  }
}
