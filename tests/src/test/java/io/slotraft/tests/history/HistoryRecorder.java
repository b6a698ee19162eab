package io.slotraft.tests.history;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the events of concurrent clients, in memory and optionally as JSON lines in a file.
 *
 * <p>Every event takes one lock, inside which it gets its index and time and is appended: so the
 * history's order is a real-time order (an invoke recorded after a completion really came after it)
 * and the file is never interleaved. Clients must record the invoke before sending and the completion
 * after receiving, never the other way round, or the history claims an order that did not happen.
 * Each line is flushed as it is written, so a run that dies still leaves its history behind.
 */
public final class HistoryRecorder implements Closeable {
  private final Object lock = new Object();
  private final long startNanos = System.nanoTime();
  private final List<Event> events = new ArrayList<>();
  private final Map<Integer, Event> outstanding = new HashMap<>();
  private final Writer file;

  private HistoryRecorder(Writer file) {
    this.file = file;
  }

  public static HistoryRecorder inMemory() {
    return new HistoryRecorder(null);
  }

  /** Also writes each event to {@code path} (created or truncated) as it is recorded. */
  public static HistoryRecorder toFile(Path path) throws IOException {
    return new HistoryRecorder(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
  }

  /**
   * Records that {@code process} is about to perform {@code f}. A process has at most one invocation
   * outstanding: a client that gave up on an operation (info) may invoke again, because the checkers
   * treat an indeterminate operation as concurrent with everything after it.
   */
  public Invocation invoke(int process, OpFunction f, String key, Object value) {
    synchronized (lock) {
      if (outstanding.containsKey(process)) {
        throw new IllegalStateException("process " + process + " already has " + outstanding.get(process));
      }
      Event event = append(process, EventType.INVOKE, f, key, value, null);
      outstanding.put(process, event);
      return new Invocation(this, event);
    }
  }

  Event complete(Invocation invocation, EventType type, Object value, String error) {
    Event invoked = invocation.event();
    synchronized (lock) {
      if (outstanding.get(invoked.process()) != invoked) {
        throw new IllegalStateException("already completed: " + invoked);
      }
      outstanding.remove(invoked.process());
      return append(invoked.process(), type, invoked.f(), invoked.key(), value, error);
    }
  }

  private Event append(int process, EventType type, OpFunction f, String key, Object value, String error) {
    Event event = new Event(events.size(), System.nanoTime() - startNanos, process, type, f, key, value, error);
    events.add(event);
    if (file != null) {
      try {
        file.write(HistoryJson.line(event));
        file.write('\n');
        file.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the history", e);
      }
    }
    return event;
  }

  /** The events so far; invocations still outstanding count as indeterminate. */
  public History history() {
    synchronized (lock) {
      return History.of(events);
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (file != null) {
        file.close();
      }
    }
  }
}
