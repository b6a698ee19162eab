package io.slotraft.tests.consistency;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a checker's anomalies, keeping the first few in full: a broken run can produce thousands
 * of identical complaints, and a report should stay readable while still saying how many there were.
 */
final class Anomalies {
  private static final int KEPT = 20;

  private final List<String> kept = new ArrayList<>();
  private int count;

  void add(String anomaly) {
    count++;
    if (kept.size() < KEPT) {
      kept.add(anomaly);
    }
  }

  boolean isEmpty() {
    return count == 0;
  }

  int count() {
    return count;
  }

  List<String> list() {
    List<String> list = new ArrayList<>(kept);
    if (count > kept.size()) {
      list.add("... and " + (count - kept.size()) + " more");
    }
    return list;
  }

  /** At most {@code limit} elements of a collection, for anomaly messages. */
  static String some(java.util.Collection<?> elements, int limit) {
    List<Object> shown = new ArrayList<>();
    for (Object element : elements) {
      if (shown.size() == limit) {
        return shown + " (" + elements.size() + " in all)";
      }
      shown.add(element);
    }
    return shown.toString();
  }
}
