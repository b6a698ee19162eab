package io.slotraft.tests.consistency;

import io.slotraft.tests.history.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What makes a run reproducible and judgeable after the fact, kept in the run's directory next to its
 * history ({@value #HISTORY_FILE}): the scenario, the seed that drove the workload and the faults, the
 * fault schedule as it actually happened (one line per fault, e.g. "12.034s kill n2"), and the
 * verdicts. {@value #RECORD_FILE} is JSON for tools; {@value #SUMMARY_FILE} is the same for people.
 *
 * @param startedAtEpochMillis wall-clock start; event times in the history are nanoseconds after it
 */
public record RunRecord(
    String scenario, long seed, long startedAtEpochMillis, List<String> schedule, List<Verdict> verdicts) {

  public static final String HISTORY_FILE = "history.jsonl";
  public static final String RECORD_FILE = "run.json";
  public static final String SUMMARY_FILE = "verdict.txt";

  public RunRecord {
    schedule = List.copyOf(schedule);
    verdicts = List.copyOf(verdicts);
  }

  /**
   * {@code target/consistency/<scenario>-seed<seed>} under the working directory (the tests module's
   * directory under Maven). Running a seed again replaces its directory: same seed, same run.
   */
  public static Path directoryFor(String scenario, long seed) {
    return Path.of("target", "consistency", scenario + "-seed" + seed);
  }

  public Validity validity() {
    return Verdict.worst(verdicts);
  }

  /** Writes {@value #RECORD_FILE} and {@value #SUMMARY_FILE} into {@code directory}, creating it. */
  public void writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(RECORD_FILE), toJson() + "\n", StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(SUMMARY_FILE), summary(), StandardCharsets.UTF_8);
  }

  public static RunRecord readFrom(Path directory) throws IOException {
    return fromJson(Files.readString(directory.resolve(RECORD_FILE), StandardCharsets.UTF_8));
  }

  public String toJson() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("scenario", scenario);
    fields.put("seed", seed);
    fields.put("started", startedAtEpochMillis);
    fields.put("validity", validity().wireName());
    fields.put("schedule", schedule);
    List<Object> verdictObjects = new ArrayList<>();
    for (Verdict verdict : verdicts) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("checker", verdict.checker());
      object.put("validity", verdict.validity().wireName());
      object.put("summary", verdict.summary());
      object.put("anomalies", verdict.anomalies());
      verdictObjects.add(object);
    }
    fields.put("verdicts", verdictObjects);
    return Json.write(fields);
  }

  public static RunRecord fromJson(String json) {
    Map<?, ?> fields = (Map<?, ?>) Json.parse(json.strip());
    List<Verdict> verdicts = new ArrayList<>();
    for (Object element : (List<?>) fields.get("verdicts")) {
      Map<?, ?> object = (Map<?, ?>) element;
      verdicts.add(new Verdict((String) object.get("checker"), Validity.fromWire((String) object.get("validity")),
          (String) object.get("summary"), strings(object.get("anomalies"))));
    }
    return new RunRecord((String) fields.get("scenario"), (Long) fields.get("seed"), (Long) fields.get("started"),
        strings(fields.get("schedule")), verdicts);
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String.class::cast).collect(Collectors.toList());
  }

  private String summary() {
    StringBuilder out = new StringBuilder(scenario + " seed " + seed + ": " + validity().wireName() + "\n");
    out.append("schedule:\n");
    for (String line : schedule) {
      out.append("  ").append(line).append('\n');
    }
    for (Verdict verdict : verdicts) {
      out.append(verdict).append('\n');
    }
    return out.toString();
  }
}
