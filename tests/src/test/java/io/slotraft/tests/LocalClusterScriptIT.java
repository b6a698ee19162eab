package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.Repo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's first five minutes, as the README tells them: deploy/local-cluster.sh start, redis-cli,
 * status, stop, start again, with the data still there. Uses the documented ports 7001-7003.
 */
class LocalClusterScriptIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dataDir;

  private record Result(int exitCode, String output) {}

  private Result script(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", Repo.root().resolve("deploy/local-cluster.sh").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "script hung: " + output);
    return new Result(process.exitValue(), output);
  }

  @AfterEach
  void stopCluster() throws Exception {
    script("stop", "--data-dir", dataDir.toString());
  }

  @Test
  void startUseStopStartKeepsTheData() throws Exception {
    Result start = script("start", "--data-dir", dataDir.toString());
    assertEquals(0, start.exitCode(), start.output());
    assertTrue(start.output().contains("redis-cli -c -p 7001"), start.output());

    assertEquals("OK", JedisIT.redisCli(7001, "-c", "set", "greeting", "hello"));
    assertEquals("hello", JedisIT.redisCli(7002, "-c", "get", "greeting"));

    Result status = script("status", "--data-dir", dataDir.toString());
    List<String> lines = status.output().lines().toList();
    assertEquals(3, lines.size(), status.output());
    assertEquals(1, lines.stream().filter(l -> l.endsWith("leader")).count(), status.output());
    assertEquals(2, lines.stream().filter(l -> l.endsWith("follower")).count(), status.output());
    assertTrue(lines.get(0).matches("n1  pid=\\d+ +resp=7001 grpc=7101 raft=7201 http=7301  (leader|follower)"), lines.get(0));

    Result stop = script("stop", "--data-dir", dataDir.toString());
    assertEquals(0, stop.exitCode(), stop.output());
    assertTrue(script("status", "--data-dir", dataDir.toString()).output().lines().allMatch(l -> l.endsWith("down")));

    assertEquals(0, script("start", "--data-dir", dataDir.toString()).exitCode());
    assertEquals("hello", JedisIT.redisCli(7003, "-c", "get", "greeting"));
  }

  @Test
  void itNeverSignalsAProcessItDidNotStart() throws Exception {
    Process stranger = new ProcessBuilder("sleep", "300").start();
    try {
      Path n1 = Files.createDirectories(dataDir.resolve("n1"));
      Files.writeString(n1.resolve("node.pid"), Long.toString(stranger.pid()));
      Result stop = script("stop", "--data-dir", dataDir.toString());
      assertEquals(0, stop.exitCode(), stop.output());
      assertTrue(stranger.isAlive(), "the script killed a process it did not start");
    } finally {
      stranger.destroyForcibly();
    }
  }

  @Test
  void badArgumentsGetAMessageAndExitCodeTwo() throws Exception {
    Result fewNodes = script("start", "--nodes", "2", "--data-dir", dataDir.toString());
    assertEquals(2, fewNodes.exitCode());
    assertTrue(fewNodes.output().contains("--nodes must be 3 to 9"), fewNodes.output());
    Result unknown = script("explode");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.output().contains("unknown command 'explode'"), unknown.output());
    Result badFlag = script("status", "--verbose");
    assertEquals(2, badFlag.exitCode());
    assertTrue(badFlag.output().contains("unknown option '--verbose'"), badFlag.output());
  }
}
