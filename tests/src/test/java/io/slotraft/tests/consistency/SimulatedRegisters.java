package io.slotraft.tests.consistency;

import io.slotraft.tests.history.Event;
import io.slotraft.tests.history.EventType;
import io.slotraft.tests.history.History;
import io.slotraft.tests.history.HistoryRecorder;
import io.slotraft.tests.history.Invocation;
import io.slotraft.tests.history.OpFunction;
import io.slotraft.tests.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Test support: histories of concurrent clients against a simulated, correct (atomic) set of
 * registers, so they are linearizable by construction. Each operation takes effect at one random step
 * between its invocation and its completion; at random, a client gives up (info) while its operation
 * is still in flight, and that operation then takes effect later or never, as a timed-out request does.
 * Some requests are refused before taking effect (fail). Every written value is unique, which is what
 * lets {@link #corruptWithStaleRead} make a read provably wrong.
 */
final class SimulatedRegisters {
  /** "No stale value": null is taken, it stands for the key's initial absence. */
  private static final Object NONE = new Object();

  private final Random random;
  private final int processes;
  private final int keys;
  private final double indeterminateRate;
  private final HistoryRecorder recorder = HistoryRecorder.inMemory();
  private final Map<String, String> registers = new HashMap<>();
  private final List<Pending> pending = new ArrayList<>();
  private final List<Pending> abandoned = new ArrayList<>();
  private final boolean[] busy;
  private int nextValue;

  private SimulatedRegisters(long seed, int processes, int keys, double indeterminateRate) {
    this.random = new Random(seed);
    this.processes = processes;
    this.keys = keys;
    this.indeterminateRate = indeterminateRate;
    this.busy = new boolean[processes];
  }

  /** A linearizable history of {@code operations} reads, writes and cas over {@code keys} keys. */
  static History generate(long seed, int operations, int processes, int keys, double indeterminateRate) {
    SimulatedRegisters simulation = new SimulatedRegisters(seed, processes, keys, indeterminateRate);
    simulation.run(operations);
    return simulation.recorder.history();
  }

  /** One client's operation between invocation and completion. */
  private static final class Pending {
    final Invocation invocation;
    final int process;
    boolean applied;
    Object result;
    boolean matched = true;

    Pending(Invocation invocation, int process) {
      this.invocation = invocation;
      this.process = process;
    }

    Event event() {
      return invocation.event();
    }
  }

  private void run(int operations) {
    int invoked = 0;
    while (invoked < operations || !pending.isEmpty()) {
      int choice = random.nextInt(3);
      if (choice == 0 && invoked < operations) {
        invoked += invokeOnIdleProcess() ? 1 : 0;
      } else if (choice == 1 && !pending.isEmpty()) {
        advance(pending.get(random.nextInt(pending.size())));
      } else if (!abandoned.isEmpty()) {
        Pending late = abandoned.remove(random.nextInt(abandoned.size()));
        if (random.nextBoolean()) {
          apply(late);
        }
      }
    }
  }

  private boolean invokeOnIdleProcess() {
    int process = random.nextInt(processes);
    if (busy[process]) {
      return false;
    }
    String key = "r" + random.nextInt(keys);
    int dice = random.nextInt(10);
    Invocation invocation;
    if (dice < 5) {
      invocation = recorder.invoke(process, OpFunction.READ, key, null);
    } else if (dice < 8) {
      invocation = recorder.invoke(process, OpFunction.WRITE, key, freshValue());
    } else {
      // Expect the current value half of the time, so that a fair share of cas succeed.
      String expected = random.nextBoolean() ? registers.get(key) : "v" + random.nextInt(Math.max(1, nextValue));
      invocation = recorder.invoke(process, OpFunction.CAS, key, Arrays.asList(expected, freshValue()));
    }
    busy[process] = true;
    pending.add(new Pending(invocation, process));
    return true;
  }

  private String freshValue() {
    return "v" + nextValue++;
  }

  /** Takes effect, or completes: ok, fail (refused before taking effect), or info (gave up). */
  private void advance(Pending op) {
    double dice = random.nextDouble();
    if (dice < indeterminateRate) {
      finish(op);
      op.invocation.info("simulated timeout");
      if (!op.applied) {
        abandoned.add(op);
      }
    } else if (!op.applied && dice < 2 * indeterminateRate) {
      finish(op);
      op.invocation.fail("simulated refusal");
    } else if (!op.applied) {
      apply(op);
    } else {
      finish(op);
      if (op.event().f() == OpFunction.READ) {
        op.invocation.ok(op.result);
      } else if (op.matched) {
        op.invocation.ok();
      } else {
        op.invocation.fail("compare failed");
      }
    }
  }

  private void finish(Pending op) {
    pending.remove(op);
    busy[op.process] = false;
  }

  /** The atomic step of the real register: this instant is the operation's linearization point. */
  private void apply(Pending op) {
    Event event = op.event();
    switch (event.f()) {
      case READ -> op.result = registers.get(event.key());
      case WRITE -> registers.put(event.key(), (String) event.value());
      case CAS -> {
        List<?> arguments = (List<?>) event.value();
        op.matched = Objects.equals(registers.get(event.key()), arguments.get(0));
        if (op.matched) {
          registers.put(event.key(), (String) arguments.get(1));
        }
      }
      default -> throw new IllegalStateException();
    }
    op.applied = true;
  }

  /**
   * The history with one OK read's result replaced by a value that is provably stale: one that was
   * overwritten by an acknowledged write (or cas) that completed before the read was invoked, after
   * the write of the stale value had completed (or the key's initial absence, if such a write
   * completed before the read). Unique values make that read impossible in any linearization.
   * Null if the history has no such read.
   */
  static History corruptWithStaleRead(History history, Random random) {
    List<Operation> operations = history.operations();
    List<Integer> reads = new ArrayList<>();
    for (Operation op : operations) {
      if (op.f() == OpFunction.READ && op.isOk()) {
        reads.add(op.id());
      }
    }
    Collections.shuffle(reads, random);
    for (int readId : reads) {
      Operation read = operations.get(readId);
      Object stale = staleValueFor(read, operations);
      if (stale != NONE) {
        return replaceResult(history, read, stale);
      }
    }
    return null;
  }

  private static Object staleValueFor(Operation read, List<Operation> operations) {
    List<Operation> overwrites = new ArrayList<>();
    for (Operation op : operations) {
      if (op.isOk() && op.key().equals(read.key()) && op.f() != OpFunction.READ && op.precedes(read)) {
        overwrites.add(op);
      }
    }
    for (Operation later : overwrites) {
      for (Operation earlier : overwrites) {
        Object value = written(earlier);
        if (earlier.precedes(later) && !value.equals(read.output())) {
          return value;
        }
      }
    }
    if (!overwrites.isEmpty() && read.output() != null) {
      return null; // something was written before the read began, so "absent" is stale
    }
    return NONE;
  }

  private static Object written(Operation op) {
    return op.f() == OpFunction.WRITE ? op.input() : ((List<?>) op.input()).get(1);
  }

  /** The history with {@code read}'s completion event carrying {@code value} instead. */
  static History replaceResult(History history, Operation read, Object value) {
    List<Event> events = new ArrayList<>();
    for (Event event : history.events()) {
      if (event.index() == read.completeIndex()) {
        if (event.type() != EventType.OK) {
          throw new IllegalArgumentException("not an ok completion: " + event);
        }
        event = new Event(event.index(), event.timeNanos(), event.process(), event.type(), event.f(), event.key(),
            value, event.error());
      }
      events.add(event);
    }
    return History.of(events);
  }
}
