package io.slotraft.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node program's command line: bad input is a clear message and exit code 2, never a trace. */
class MainTest {
  @TempDir
  Path dir;

  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome run(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args);
      return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  @Test
  void helpListsEverySettingWithItsEnvironmentVariable() {
    Outcome outcome = run("--help");
    assertEquals(0, outcome.exitCode());
    assertTrue(outcome.out().contains("--resp-port"), outcome.out());
    assertTrue(outcome.out().contains("SLOTRAFT_RESP_PORT"), outcome.out());
  }

  @Test
  void anUnknownFlagIsAUsageError() {
    Outcome outcome = run("--resp-prot", "7001");
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().startsWith("slotraft-node: Unknown options: '--resp-prot', '7001'"), outcome.err());
    assertTrue(!outcome.err().contains("\tat "), "no stack trace: " + outcome.err());
  }

  @Test
  void aMissingSettingNamesIt() {
    Outcome outcome = run("--name", "n1", "--data-dir", dir.toString());
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().contains("missing setting --members"), outcome.err());
  }

  @Test
  void aMissingConfigFileIsReported() {
    Outcome outcome = run("--config", dir.resolve("nope.properties").toString());
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().contains("cannot read config file"), outcome.err());
  }

  @Test
  void aShardCountOutOfRangeIsAUsageError() {
    Outcome outcome = run("--name", "n1", "--data-dir", dir.toString(), "--shards", "0",
        "--members", "n1@127.0.0.1:7001:7101:7201:7301");
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().contains("--shards must be a whole number from 1 to 16384, got '0'"), outcome.err());
  }
}
