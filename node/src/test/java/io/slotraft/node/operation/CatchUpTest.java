package io.slotraft.node.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.proto.v1.ReplicaDescription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a learner counts as holding its leader's state. */
class CatchUpTest {

  @ParameterizedTest(name = "leader committed {0}, snapshot at {1}; learner applied {2}: {3}")
  @CsvSource({
      // A shard of large values: few entries, a snapshot being installed. Not before it is in.
      "60, 40, 0, false",
      "60, 40, 39, false",
      "60, 40, 40, true",
      // No snapshot yet: the log from index 1, within the margin, once anything is applied.
      "60, 0, 0, false",
      "60, 0, 1, true",
      "0, 0, 0, true",
      // Far behind in entries.
      "5000, 100, 4000, false",
      "5000, 100, 4500, true",
  })
  void aLearnerHoldsTheLeadersStateOnlyPastItsSnapshotAndWithinTheMargin(long committed, long snapshot, long applied,
      boolean caughtUp) {
    ReplicaDescription leader = ReplicaDescription.newBuilder().setCommittedIndex(committed).setSnapshotIndex(snapshot)
        .build();
    assertEquals(caughtUp, CatchUp.caughtUp(leader, applied));
  }
}
