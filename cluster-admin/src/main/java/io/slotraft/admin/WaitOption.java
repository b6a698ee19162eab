package io.slotraft.admin;

import picocli.CommandLine.Option;

/** {@code --wait-secs}: how long move-replica, drain and rebalance follow the operation they start. */
final class WaitOption {
  @Option(names = "--wait-secs", paramLabel = "SECONDS", defaultValue = "600", converter = Counts.NonNegative.class,
      description = "Follow the operation for up to this long; 0 returns once meta has started it. It runs on "
          + "either way (default: ${DEFAULT-VALUE}).")
  int seconds;
}
