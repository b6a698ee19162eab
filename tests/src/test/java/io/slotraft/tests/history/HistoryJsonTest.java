package io.slotraft.tests.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryJsonTest {
  @TempDir Path directory;

  @Test
  void everyShapeOfEventRoundTripsThroughAFile() throws IOException {
    HistoryRecorder recorder = HistoryRecorder.inMemory();
    recorder.invoke(0, OpFunction.WRITE, "r1", "a\"b").ok();
    recorder.invoke(1, OpFunction.CAS, "r1", Arrays.asList(null, "c")).fail("compare failed");
    recorder.invoke(2, OpFunction.READ, "r1", null).ok(null);
    recorder.invoke(3, OpFunction.ADD, "s", "e1").info("timeout\nafter 2s");
    recorder.invoke(4, OpFunction.INCR, "c", -3).ok();
    recorder.invoke(5, OpFunction.TRANSFER, "{bank}", Map.of("from", "a", "to", "b", "amount", 5)).ok();
    recorder.invoke(6, OpFunction.READ, "{bank}", null).ok(Map.of("a", 95L, "b", 105L));
    recorder.invoke(7, OpFunction.FINAL_READ, "s", null).ok(List.of("e1", "e2"));
    recorder.invoke(8, OpFunction.WRITE, null, "keyless"); // never completed
    History history = recorder.history();

    Path file = directory.resolve("history.jsonl");
    HistoryJson.write(file, history);
    History back = HistoryJson.read(file);

    assertEquals(history.events(), back.events());
    assertEquals(history.operations(), back.operations());
    assertEquals(history.size(), Files.readAllLines(file).size());
  }

  @Test
  void lineHasTheDocumentedFieldsInOrder() {
    Event event = new Event(3, 81234, 1, EventType.OK, OpFunction.CAS, "r7", List.of("2", "5"), null);
    assertEquals("{\"index\":3,\"time\":81234,\"process\":1,\"type\":\"ok\",\"f\":\"cas\",\"key\":\"r7\","
        + "\"value\":[\"2\",\"5\"]}", HistoryJson.line(event));
    assertEquals(event, HistoryJson.parseLine(HistoryJson.line(event)));
  }

  @Test
  void badLinesAreReportedWithTheirLineNumber() throws IOException {
    Path file = directory.resolve("bad.jsonl");
    Files.writeString(file, HistoryJson.line(new Event(0, 0, 1, EventType.INVOKE, OpFunction.READ, "k", null, null))
        + "\n\n{\"index\":1,\"time\":5,\"process\":1,\"type\":\"okay\",\"f\":\"read\",\"key\":\"k\",\"value\":null}\n");
    IOException error = assertThrows(IOException.class, () -> HistoryJson.read(file));
    assertTrue(error.getMessage().contains(":3:") && error.getMessage().contains("okay"), error.getMessage());
  }

  @Test
  void unknownFunctionIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> HistoryJson.parseLine(
        "{\"index\":0,\"time\":0,\"process\":1,\"type\":\"invoke\",\"f\":\"raed\",\"key\":\"k\",\"value\":null}"));
  }
}
