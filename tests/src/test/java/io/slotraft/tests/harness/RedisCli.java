package io.slotraft.tests.harness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code redis-cli}, run as a process against one port: what an operator types. */
public final class RedisCli {
  private RedisCli() {}

  /** Runs {@code redis-cli -p PORT ARGS...} and answers its output (stdout and stderr), trimmed. */
  public static String run(int port, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("redis-cli " + String.join(" ", args) + " hung");
    }
    return output;
  }
}
