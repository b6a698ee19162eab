package io.slotraft.admin;

import picocli.CommandLine.Option;

/** {@code --max-concurrent-moves}: how many replica moves a drain or a rebalance runs at once. */
final class MaxConcurrentMovesOption {
  @Option(names = "--max-concurrent-moves", paramLabel = "N", defaultValue = "2", converter = Counts.Positive.class,
      description = "Replica moves running at once (default: ${DEFAULT-VALUE}).")
  int count;
}
