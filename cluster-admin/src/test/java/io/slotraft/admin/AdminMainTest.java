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
  void noSubcommandIsAUsageErrorListingThemAll() {
    Run run = run();
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("missing subcommand: status, operations, set-preferred-leader, move-replica, "
        + "drain, remove-node, rebalance, split, merge or cancel"), run.err());
  }

  @Test
  void everySubcommandHasHelp() {
    for (String subcommand : new String[] {"status", "operations", "set-preferred-leader", "move-replica", "drain",
        "remove-node", "rebalance", "split", "cancel"}) {
      Run help = run(subcommand, "--help");
      assertEquals(0, help.exitCode(), subcommand);
      assertTrue(help.out().contains("--node"), help.out());
    }
  }

  @Test
  void drainAndRemoveNodeWithoutYesSayWhatTheyWouldDoAndExitTwo() {
    Run drain = run("drain", "n2");
    assertEquals(2, drain.exitCode());
    assertTrue(drain.err().startsWith("drain n2 would mark it draining (no new replicas), move each of its replicas "
        + "to another node, 2 at a time, then move its meta vote, if it has one; add --yes to start it"), drain.err());
    Run remove = run("remove-node", "n4");
    assertEquals(2, remove.exitCode());
    assertTrue(remove.err().startsWith("remove-node n4 would take it out of the cluster's members for good"),
        remove.err());
  }

  @Test
  void rebalanceNeedsExactlyOneOfDryRunAndYes() {
    Run neither = run("rebalance");
    assertEquals(2, neither.exitCode());
    assertTrue(neither.err().contains("--dry-run") && neither.err().contains("--yes"), neither.err());
    Run both = run("rebalance", "--dry-run", "--yes");
    assertEquals(2, both.exitCode());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
  }

  @Test
  void countsOutOfRangeAreUsageErrorsNamingTheOption() {
    Run zeroMoves = run("rebalance", "--dry-run", "--max-concurrent-moves", "0");
    assertEquals(2, zeroMoves.exitCode());
    assertTrue(zeroMoves.err().contains("Invalid value for option '--max-concurrent-moves': must be 1 or more, not 0"),
        zeroMoves.err());
    Run negativeWait = run("move-replica", "--wait-secs", "-1", "s1", "n1", "n4");
    assertEquals(2, negativeWait.exitCode());
    assertTrue(negativeWait.err().contains("Invalid value for option '--wait-secs': must be 0 or more, not -1"),
        negativeWait.err());
    assertEquals(2, run("drain", "n2", "--yes", "--max-concurrent-moves", "many").exitCode());
    assertEquals(2, run("cancel", "forty-one").exitCode());
    assertEquals(2, run("move-replica", "s1", "n1").exitCode());
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
    assertEquals(2, negative.exitCode());
    assertTrue(negative.err().contains("Invalid value for option '--wait-secs': must be 0 or more, not -1"),
        negative.err());
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
