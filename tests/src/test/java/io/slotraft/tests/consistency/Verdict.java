package io.slotraft.tests.consistency;

import java.util.List;

/**
 * What one checker concluded about one history.
 *
 * @param checker which checker (e.g. "linearizable-register", "set")
 * @param summary one line for a test report
 * @param anomalies each a self-contained explanation, most useful first; empty when valid
 */
public record Verdict(String checker, Validity validity, String summary, List<String> anomalies) {

  public Verdict {
    anomalies = List.copyOf(anomalies);
  }

  public static Verdict valid(String checker, String summary) {
    return new Verdict(checker, Validity.VALID, summary, List.of());
  }

  public boolean isValid() {
    return validity == Validity.VALID;
  }

  /** The worst validity of several verdicts; VALID for none. */
  public static Validity worst(List<Verdict> verdicts) {
    Validity worst = Validity.VALID;
    for (Verdict verdict : verdicts) {
      worst = worst.worst(verdict.validity());
    }
    return worst;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(checker + ": " + validity.wireName() + ": " + summary);
    for (String anomaly : anomalies) {
      out.append("\n  - ").append(anomaly.replace("\n", "\n    "));
    }
    return out.toString();
  }
}
