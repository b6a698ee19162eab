package io.slotraft.node.snapshot;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SnapshotPointTest {
  @Test
  void refusesWhatNoShardCanBe() {
    assertThrows(IllegalArgumentException.class, () -> new SnapshotPoint(-1, 1, 0, 0, 16383));
    assertThrows(IllegalArgumentException.class, () -> new SnapshotPoint(1, -1, 0, 0, 16383));
    assertThrows(IllegalArgumentException.class, () -> new SnapshotPoint(1, 1, 0, 10, 9));
    assertThrows(IllegalArgumentException.class, () -> new SnapshotPoint(1, 1, 0, 0, 16384));
    assertThrows(IllegalArgumentException.class, () -> new SnapshotPoint(1, 1, 0, -1, 5));
  }
}
