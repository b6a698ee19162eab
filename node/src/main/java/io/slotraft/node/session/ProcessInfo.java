package io.slotraft.node.session;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The INFO fields that describe the process rather than the node: memory and CPU as the JVM
 * reports them, the operating system, the pid. Redis's names are kept so that monitoring that
 * reads them works; where the JVM measures something else, the comment says what.
 */
final class ProcessInfo {
  private static final String[] UNITS = {"K", "M", "G", "T", "P"};

  private ProcessInfo() {}

  /**
   * used_memory is the heap in use: live objects plus garbage not yet collected, so it rises and
   * falls with the collector (Redis's figure is exact at any moment); it is the live heap only just
   * after a full GC, which is how tests/bench/memory-per-element.sh reads it. used_memory_rss is the
   * heap the JVM has committed, the nearest the JVM gets to a resident size. maxmemory is 0 because
   * Slotraft sets no key-eviction limit; the heap's own ceiling is shown as jvm_heap_max.
   */
  static Map<String, String> memory() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("used_memory", Long.toString(used));
    fields.put("used_memory_human", human(used));
    fields.put("used_memory_rss", Long.toString(runtime.totalMemory()));
    fields.put("used_memory_rss_human", human(runtime.totalMemory()));
    long system = totalSystemMemory();
    fields.put("total_system_memory", Long.toString(system));
    fields.put("total_system_memory_human", human(system));
    fields.put("maxmemory", "0");
    fields.put("maxmemory_human", "0B");
    fields.put("maxmemory_policy", "noeviction");
    fields.put("mem_allocator", "jvm");
    fields.put("jvm_heap_max", Long.toString(runtime.maxMemory()));
    return fields;
  }

  /** The JVM gives one CPU total for the process; it is reported as user time, system as 0. */
  static Map<String, String> cpu() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("used_cpu_sys", seconds(0));
    fields.put("used_cpu_user", seconds(processCpuNanos()));
    fields.put("used_cpu_sys_children", seconds(0));
    fields.put("used_cpu_user_children", seconds(0));
    return fields;
  }

  static String os() {
    return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
  }

  static String archBits() {
    return System.getProperty("os.arch", "").contains("64") ? "64" : "32";
  }

  static long pid() {
    return ProcessHandle.current().pid();
  }

  /** Bytes as Redis prints them for humans: 1023B, then K, M, G, T, P with two decimals. */
  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + "B";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.2f%s", value, UNITS[unit]);
  }

  private static String seconds(long nanos) {
    long micros = nanos / 1000;
    return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  private static long processCpuNanos() {
    OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
    if (bean instanceof com.sun.management.OperatingSystemMXBean sun) {
      return Math.max(0, sun.getProcessCpuTime());
    }
    return 0;
  }

  private static long totalSystemMemory() {
    OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
    if (bean instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getTotalMemorySize();
    }
    return 0;
  }
}
