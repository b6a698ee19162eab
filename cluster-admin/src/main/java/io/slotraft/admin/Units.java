package io.slotraft.admin;

import java.util.Locale;

/** How sizes, shares and durations read on screen. */
final class Units {
  private static final double MIB = 1024.0 * 1024.0;

  private Units() {}

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
  }

  /** "40.0/100.0 MiB 40%", "40.0 MiB" while the total is unknown, "-" before any byte moved. */
  static String progress(long done, long total) {
    if (total > 0) {
      return String.format(Locale.ROOT, "%.1f/%.1f MiB %d%%", done / MIB, total / MIB, percent(done, total));
    }
    return done > 0 ? mib(done) : "-";
  }

  static int percent(long done, long total) {
    return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
  }

  /** "5 s", "3 min", "2 h": the coarsest unit that still says something. */
  static String duration(long ms) {
    if (ms < 0) {
      return "0 s";
    }
    if (ms < 120_000) {
      return (ms / 1000) + " s";
    }
    return ms < 7_200_000 ? (ms / 60_000) + " min" : (ms / 3_600_000) + " h";
  }

  /** "+3.2 s" after a start: a step's time in an operation's history. */
  static String offset(long ms) {
    return ms < 120_000 ? String.format(Locale.ROOT, "+%.1f s", Math.max(0, ms) / 1000.0) : "+" + duration(ms);
  }
}
