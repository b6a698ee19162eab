package io.slotraft.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdminMainTest {

  @Test
  void helpAndVersionSucceed() {
    assertEquals(0, AdminMain.run("--help"));
    assertEquals(0, AdminMain.run("--version"));
  }

  @Test
  void unknownFlagIsAUsageErrorWithAMessage() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, AdminMain.run("--no-such-flag"));
    } finally {
      System.setErr(originalErr);
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option: '--no-such-flag'"), err.toString());
  }
}
