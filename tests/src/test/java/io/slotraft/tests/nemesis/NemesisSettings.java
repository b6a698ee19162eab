package io.slotraft.tests.nemesis;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The knobs of a nemesis run, from system properties:
 * <ul>
 *   <li>{@code slotraft.nemesis.seed}: the seed of every scenario's faults and clients (default: a
 *       fresh one, printed);
 *   <li>{@code slotraft.nemesis.minutes}: how long each scenario injects faults (default 0.6, about
 *       a minute a scenario with start, heal and checks; 30 makes a soak);
 *   <li>{@code slotraft.nemesis.scenarios}: a comma-separated list of scenario names to run (default
 *       all), to replay one seed of one scenario;
 *   <li>{@code slotraft.nemesis.readMode}: the nodes' {@code --read-mode} ({@code readindex}, the
 *       default, or {@code lease}), to judge lease reads under the same faults.
 * </ul>
 */
public record NemesisSettings(long seed, Duration faultTime, List<String> scenarios, String readMode) {
  public static final int PROCESSES = 10;

  public static NemesisSettings fromSystemProperties() {
    String seed = System.getProperty("slotraft.nemesis.seed", "");
    String minutes = System.getProperty("slotraft.nemesis.minutes", "");
    String scenarios = System.getProperty("slotraft.nemesis.scenarios", "");
    return new NemesisSettings(seed.isBlank() ? new Random().nextLong() & Long.MAX_VALUE : Long.parseLong(seed),
        Duration.ofMillis((long) (60_000 * (minutes.isBlank() ? 0.6 : Double.parseDouble(minutes)))),
        scenarios.isBlank() ? List.of() : Arrays.stream(scenarios.split(",")).map(String::trim).toList(),
        System.getProperty("slotraft.nemesis.readMode", "readindex"));
  }

  public boolean runs(Scenario scenario) {
    return scenarios.isEmpty() || scenarios.contains(scenario.name());
  }
}
