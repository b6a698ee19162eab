package io.slotraft.tests.history;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Histories as JSON lines, one event per line, fields in a fixed order so files diff well:
 * {@code {"index":3,"time":81234,"process":1,"type":"ok","f":"cas","key":"r7","value":["2","5"]}}
 * ({@code "error"} follows only when there is one).
 */
public final class HistoryJson {
  private HistoryJson() {}

  public static String line(Event event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("index", event.index());
    fields.put("time", event.timeNanos());
    fields.put("process", (long) event.process());
    fields.put("type", event.type().wireName());
    fields.put("f", event.f().wireName());
    fields.put("key", event.key());
    fields.put("value", event.value());
    if (event.error() != null) {
      fields.put("error", event.error());
    }
    StringBuilder out = new StringBuilder();
    Json.write(fields, out);
    return out.toString();
  }

  public static Event parseLine(String line) {
    if (!(Json.parse(line) instanceof Map<?, ?> fields)) {
      throw new IllegalArgumentException("a history line must be a JSON object: " + line);
    }
    return new Event(
        number(fields, "index", line),
        number(fields, "time", line),
        Math.toIntExact(number(fields, "process", line)),
        EventType.fromWire(text(fields, "type", line)),
        OpFunction.fromWire(text(fields, "f", line)),
        (String) fields.get("key"),
        fields.get("value"),
        (String) fields.get("error"));
  }

  public static void write(Path file, History history) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Event event : history.events()) {
        out.write(line(event));
        out.newLine();
      }
    }
  }

  /** Reads a history back; blank lines are skipped, any other bad line is an error naming its number. */
  public static History read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          events.add(parseLine(line));
        } catch (RuntimeException bad) {
          throw new IOException(file + ":" + number + ": " + bad.getMessage(), bad);
        }
      }
    }
    return History.of(events);
  }

  private static long number(Map<?, ?> fields, String name, String line) {
    if (!(fields.get(name) instanceof Long value)) {
      throw new IllegalArgumentException("missing or non-integer \"" + name + "\" in: " + line);
    }
    return value;
  }

  private static String text(Map<?, ?> fields, String name, String line) {
    if (!(fields.get(name) instanceof String value)) {
      throw new IllegalArgumentException("missing or non-string \"" + name + "\" in: " + line);
    }
    return value;
  }
}
