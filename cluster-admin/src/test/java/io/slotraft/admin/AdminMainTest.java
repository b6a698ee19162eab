package io.slotraft.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The CLI's exit codes and messages for everything that does not need a cluster. */
class AdminMainTest {

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AdminMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpAndVersionSucceed() {
    assertEquals(0, run("--help").exitCode());
    assertEquals(0, run("--version").exitCode());
    Run help = run("set-preferred-leader", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--wait-secs"), help.out());
  }

  @Test
  void unknownFlagIsAUsageErrorWithAMessage() {
    Run run = run("--no-such-flag");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("Unknown option: '--no-such-flag'"), run.err());
  }

  @Test
  void noSubcommandIsAUsageError() {
    Run run = run();
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("missing subcommand"), run.err());
  }

  @Test
  void badNodeAddressesAreUsageErrorsNamingTheOption() {
    for (String bad : new String[] {"localhost", "localhost:", ":7101", "h:port", "h:70000"}) {
      Run run = run("status", "--node", bad);
      assertEquals(2, run.exitCode(), bad);
      assertTrue(run.err().contains("--node"), run.err());
    }
  }

  @Test
  void missingOrExtraArgumentsAndANegativeWaitAreRefused() {
    assertEquals(2, run("set-preferred-leader", "s1").exitCode());
    assertEquals(2, run("set-preferred-leader", "s1", "n1", "n2").exitCode());
    assertEquals(2, run("set-preferred-leader", "--wait-secs", "soon", "s1", "n1").exitCode());
    Run negative = run("set-preferred-leader", "--wait-secs", "-1", "--node", "127.0.0.1:1", "s1", "n1");
    assertEquals(1, negative.exitCode());
    assertTrue(negative.err().contains("--wait-secs must be 0 or more"), negative.err());
  }

  @Test
  void aNodeThatIsNotThereIsOneLineOfErrorNotAStackTrace() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Run run = run("status", "--node", "127.0.0.1:" + closed);
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("slotraft-admin: cannot read meta through 127.0.0.1:" + closed + ": UNAVAILABLE"),
        run.err());
    assertTrue(run.err().contains("--node takes host:grpc-port"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }
}
