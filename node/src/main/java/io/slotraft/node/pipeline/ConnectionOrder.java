package io.slotraft.node.pipeline;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Which of one connection's commands may start now. Not thread-safe: the connection's thread (or
 * serializing executor) makes every call.
 *
 * <p>The rule: commands are ordered per lane. Within a lane a command starts while others of the
 * lane are running only if they are all of its kind (all writes, or all non-writes), and never
 * before an earlier command of its lane has started. So a read waits for the writes sent before it,
 * and a write for the reads before it, while a run of reads (or of writes) goes out together.
 * Commands of different lanes (different slots, so usually different shards) do not wait for each
 * other. A RESP connection puts every command in one lane, as Redis serves a connection in order.
 *
 * <p>{@link CommandKinds#BARRIER} commands (no keys: MULTI, EXEC, FLUSHALL, PING...) order against
 * everything: one starts only once every command before it has finished, and every command after
 * it waits until it has. Consecutive barrier commands form one lane among themselves.
 *
 * <p>How: the commands are cut into segments, each either keyed lanes or one barrier lane, and only
 * the oldest segment runs; it ends when all its commands have finished. Each lane of the running
 * segment whose first waiting command may start is queued once in {@code ready}, so {@link #next()}
 * costs O(1) however many lanes there are.
 *
 * @param <T> what the caller keeps per command
 */
public final class ConnectionOrder<T> {
  private final ArrayDeque<Segment<T>> segments = new ArrayDeque<>();
  private int waiting;
  private int running;

  /** Queues a command behind the earlier ones of its lane. */
  public void add(T command, boolean write, int lane) {
    Segment<T> tail = segments.peekLast();
    boolean barrier = lane == CommandKinds.BARRIER;
    if (tail == null || tail.barrier != barrier) {
      tail = new Segment<>(barrier);
      segments.add(tail);
    }
    Lane<T> queue = tail.lanes.computeIfAbsent(lane, Lane::new);
    queue.waiting.add(new Entry<>(command, write));
    tail.live++;
    waiting++;
    if (tail == segments.peek() && queue.waiting.size() == 1) {
      tail.offerReady(queue);
    }
  }

  /** The next command that may start now, counted as running from here on; null when none may. */
  public T next() {
    while (true) {
      Segment<T> head = segments.peek();
      if (head == null) {
        return null;
      }
      if (head.live == 0) {
        segments.poll();
        Segment<T> next = segments.peek();
        if (next != null) {
          next.lanes.values().forEach(next::offerReady);
        }
        continue;
      }
      Lane<T> lane;
      while ((lane = head.ready.poll()) != null) {
        lane.queued = false;
        Entry<T> first = lane.waiting.peek();
        if (first == null || (lane.running > 0 && lane.runningWrites != first.write)) {
          continue; // offered again by finished() once its running commands are done
        }
        lane.waiting.poll();
        lane.running++;
        lane.runningWrites = first.write;
        waiting--;
        running++;
        if (!lane.waiting.isEmpty()) {
          head.offerReady(lane); // at the back: lanes take turns
        }
        return first.command;
      }
      return null;
    }
  }

  /** A running command of {@code lane} has its reply: what waited for it may start. */
  public void finished(int lane) {
    Segment<T> head = segments.peek();
    Lane<T> queue = head == null ? null : head.lanes.get(lane);
    if (queue == null || queue.running == 0) {
      throw new IllegalStateException("no command of lane " + lane + " is running");
    }
    queue.running--;
    running--;
    head.live--;
    if (queue.running == 0) {
      if (queue.waiting.isEmpty()) {
        head.lanes.remove(lane);
      } else {
        head.offerReady(queue);
      }
    }
  }

  /** Commands added and not yet started. */
  public int waiting() {
    return waiting;
  }

  /** Commands started and not yet finished. */
  public int running() {
    return running;
  }

  /** Forgets every command: the connection is gone. */
  public void clear() {
    segments.clear();
    waiting = 0;
    running = 0;
  }

  private record Entry<T>(T command, boolean write) {}

  private static final class Lane<T> {
    final ArrayDeque<Entry<T>> waiting = new ArrayDeque<>(2);
    int running;
    boolean runningWrites;
    boolean queued;

    Lane(int id) {}
  }

  private static final class Segment<T> {
    final boolean barrier;
    final Map<Integer, Lane<T>> lanes = new HashMap<>();
    final ArrayDeque<Lane<T>> ready = new ArrayDeque<>();
    /** Commands of this segment waiting or running. */
    int live;

    Segment(boolean barrier) {
      this.barrier = barrier;
    }

    void offerReady(Lane<T> lane) {
      if (!lane.queued && !lane.waiting.isEmpty()) {
        lane.queued = true;
        ready.add(lane);
      }
    }
  }
}
