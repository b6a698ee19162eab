package io.slotraft.tests.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {
  @TempDir Path directory;

  @Test
  void roundTripsThroughItsDirectory() throws IOException {
    RunRecord record = new RunRecord("register-partition", -8123456789L, 1_790_000_000_000L,
        List.of("3.100s isolate n2", "13.100s heal", "20.002s kill -9 n1 \"leader\""),
        List.of(Verdict.valid("set", "1 keys"),
            new Verdict("linearizable-register", Validity.INVALID, "not linearizable: r3",
                List.of("key r3: ...\n  op4 p1 read r3 -> \"a\""))));
    Path run = directory.resolve("run");
    record.writeTo(run);

    assertEquals(record, RunRecord.readFrom(run));
    assertEquals(Validity.INVALID, record.validity());
    String summary = Files.readString(run.resolve(RunRecord.SUMMARY_FILE));
    assertTrue(summary.startsWith("register-partition seed -8123456789: invalid"), summary);
    assertTrue(summary.contains("isolate n2"), summary);
  }

  @Test
  void runsLiveUnderTargetByScenarioAndSeed() {
    assertEquals(Path.of("target", "consistency", "bank-kill-seed42"), RunRecord.directoryFor("bank-kill", 42));
  }
}
