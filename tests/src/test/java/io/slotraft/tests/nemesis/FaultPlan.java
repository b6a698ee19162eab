package io.slotraft.tests.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fault schedule of a run, derived from its seed alone: which faults, on which nodes, held how
 * long, with how long a quiet spell before each; and the faults held throughout, under all of those.
 * The same seed gives the same plan; the times at which steps actually happen depend on how fast the
 * cluster recovers, and are logged.
 *
 * @param throughout begun before the first step and ended after the last
 * @param steps more than a run needs: the nemesis stops after the step during which time runs out
 */
public record FaultPlan(List<Fault> throughout, List<Step> steps) {
  private static final int STEPS = 200;

  /** One fault, preceded by {@code quietMs} without any, and held {@code holdMs}. */
  public record Step(Fault fault, long quietMs, long holdMs) {
    @Override
    public String toString() {
      return "after " + quietMs + " ms: " + fault.describe() + " for " + holdMs + " ms";
    }
  }

  public static FaultPlan from(long seed, List<FaultKind> kinds, List<FaultKind> throughoutKinds, List<String> nodes) {
    Random random = new Random(seed);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < STEPS; i++) {
      FaultKind kind = kinds.get(random.nextInt(kinds.size()));
      Fault fault = kind.next(random, nodes);
      steps.add(new Step(fault, 2_000 + random.nextInt(3_000), 3_000 + random.nextInt(7_000)));
    }
    // Drawn after the steps, so that a seed gives a scenario without them the steps it always gave.
    List<Fault> throughout = new ArrayList<>();
    for (FaultKind kind : throughoutKinds) {
      throughout.add(kind.next(random, nodes));
    }
    return new FaultPlan(List.copyOf(throughout), List.copyOf(steps));
  }
}
