package io.slotraft.tests.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, well-formed history: indexes strictly increase, and every completion answers the one
 * outstanding invocation of its process (same function and key). Malformed histories are refused here,
 * once, so that no checker has to guess what a stray completion meant.
 */
public final class History {
  private final List<Event> events;
  private final List<Operation> operations;

  private History(List<Event> events) {
    this.events = List.copyOf(events);
    this.operations = pair(this.events);
  }

  public static History of(List<Event> events) {
    return new History(events);
  }

  public List<Event> events() {
    return events;
  }

  /** Operations in invocation order; invocations that never completed are indeterminate. */
  public List<Operation> operations() {
    return operations;
  }

  public int size() {
    return events.size();
  }

  private static List<Operation> pair(List<Event> events) {
    Map<Integer, Event> outstanding = new HashMap<>();
    Map<Long, Event> completions = new HashMap<>();
    long previousIndex = Long.MIN_VALUE;
    for (Event event : events) {
      if (event.index() <= previousIndex) {
        throw new IllegalArgumentException("event indexes must increase: " + event);
      }
      previousIndex = event.index();
      if (event.type() == EventType.INVOKE) {
        Event pending = outstanding.putIfAbsent(event.process(), event);
        if (pending != null) {
          throw new IllegalArgumentException(
              "process " + event.process() + " invoked " + event + " while " + pending + " was outstanding");
        }
        continue;
      }
      Event invocation = outstanding.remove(event.process());
      if (invocation == null) {
        throw new IllegalArgumentException("completion without an invocation: " + event);
      }
      if (invocation.f() != event.f() || !Objects.equals(invocation.key(), event.key())) {
        throw new IllegalArgumentException("completion " + event + " does not match " + invocation);
      }
      completions.put(invocation.index(), event);
    }
    List<Operation> operations = new ArrayList<>();
    for (Event event : events) {
      if (event.type() == EventType.INVOKE) {
        operations.add(operation(operations.size(), event, completions.get(event.index())));
      }
    }
    return Collections.unmodifiableList(operations);
  }

  private static Operation operation(int id, Event invocation, Event completion) {
    if (completion == null) {
      return new Operation(id, invocation.process(), invocation.f(), invocation.key(), invocation.value(),
          null, EventType.INFO, invocation.index(), Long.MAX_VALUE, invocation.timeNanos(), Long.MAX_VALUE,
          "never completed");
    }
    Object output = completion.type() == EventType.OK ? completion.value() : null;
    return new Operation(id, invocation.process(), invocation.f(), invocation.key(), invocation.value(),
        output, completion.type(), invocation.index(), completion.index(), invocation.timeNanos(),
        completion.timeNanos(), completion.error());
  }
}
