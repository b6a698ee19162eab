package io.slotraft.tests.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
  @TempDir Path directory;

  @Test
  void pairsEachInvocationWithItsCompletion() {
    HistoryRecorder recorder = HistoryRecorder.inMemory();
    Invocation write = recorder.invoke(1, OpFunction.WRITE, "k", "v");
    Invocation read = recorder.invoke(2, OpFunction.READ, "k", null);
    read.ok("v");
    write.info("timeout");
    recorder.invoke(2, OpFunction.READ, "k", null);

    List<Operation> operations = recorder.history().operations();
    assertEquals(3, operations.size());
    Operation w = operations.get(0);
    assertEquals(EventType.INFO, w.outcome());
    assertEquals(0, w.invokeIndex());
    assertEquals(3, w.completeIndex());
    assertEquals("timeout", w.error());
    Operation r = operations.get(1);
    assertTrue(r.isOk());
    assertEquals("v", r.output());
    assertEquals(2, r.completeIndex());
    assertTrue(operations.get(2).isIndeterminate(), "an invocation never completed is indeterminate");
    assertEquals(Long.MAX_VALUE, operations.get(2).completeIndex());
  }

  @Test
  void refusesMalformedHistories() {
    Event invoke = new Event(0, 0, 1, EventType.INVOKE, OpFunction.READ, "k", null, null);
    assertThrows(IllegalArgumentException.class, () -> History.of(List.of(
        new Event(0, 0, 1, EventType.OK, OpFunction.READ, "k", null, null))), "completion without invocation");
    assertThrows(IllegalArgumentException.class, () -> History.of(List.of(invoke,
        new Event(1, 0, 1, EventType.INVOKE, OpFunction.READ, "k", null, null))), "two outstanding");
    assertThrows(IllegalArgumentException.class, () -> History.of(List.of(invoke,
        new Event(1, 0, 1, EventType.OK, OpFunction.WRITE, "k", null, null))), "wrong function");
    assertThrows(IllegalArgumentException.class, () -> History.of(List.of(invoke,
        new Event(1, 0, 1, EventType.OK, OpFunction.READ, "other", null, null))), "wrong key");
    assertThrows(IllegalArgumentException.class, () -> History.of(List.of(invoke,
        new Event(0, 0, 1, EventType.OK, OpFunction.READ, "k", null, null))), "index not increasing");
  }

  @Test
  void recorderRefusesASecondCompletionOrOverlappingInvocations() {
    HistoryRecorder recorder = HistoryRecorder.inMemory();
    Invocation read = recorder.invoke(1, OpFunction.READ, "k", null);
    assertThrows(IllegalStateException.class, () -> recorder.invoke(1, OpFunction.READ, "k", null));
    read.ok("x");
    assertThrows(IllegalStateException.class, () -> read.fail("again"));
  }

  @Test
  void concurrentClientsProduceAWellFormedHistoryInMemoryAndOnDisk() throws Exception {
    Path file = directory.resolve("history.jsonl");
    int clients = 10;
    int perClient = 500;
    History memory;
    try (HistoryRecorder recorder = HistoryRecorder.toFile(file)) {
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < clients; p++) {
        int process = p;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perClient; i++) {
            Invocation add = recorder.invoke(process, OpFunction.ADD, "s", process + ":" + i);
            if (i % 3 == 0) {
              add.info("timeout");
            } else {
              add.ok();
            }
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
      memory = recorder.history();
    }

    assertEquals(2 * clients * perClient, memory.size());
    for (int i = 0; i < memory.size(); i++) {
      Event event = memory.events().get(i);
      assertEquals(i, event.index());
      assertTrue(i == 0 || event.timeNanos() >= memory.events().get(i - 1).timeNanos(), "time follows index");
    }
    assertEquals(memory.events(), HistoryJson.read(file).events());
  }

  @Test
  void fileIsReadableWhileTheRunIsStillGoing() throws IOException {
    Path file = directory.resolve("partial.jsonl");
    try (HistoryRecorder recorder = HistoryRecorder.toFile(file)) {
      recorder.invoke(1, OpFunction.WRITE, "k", "v").ok();
      recorder.invoke(1, OpFunction.READ, "k", null);
      assertEquals(recorder.history().events(), HistoryJson.read(file).events());
    }
  }
}
