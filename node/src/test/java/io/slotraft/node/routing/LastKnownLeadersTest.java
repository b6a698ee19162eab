package io.slotraft.node.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slotraft.node.placement.ShardPlacement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * While a shard elects, the cluster view keeps showing its last leader, so its slots stay covered
 * and every node tells the same story; never a node that no longer holds a replica of it.
 */
class LastKnownLeadersTest {
  private final LastKnownLeaders leaders = new LastKnownLeaders();
  private final ShardPlacement s1 = new ShardPlacement("s1", 0, 16383, List.of("n1", "n2", "n3"));

  @Test
  void showsTheLeaderKnownNowAndTheLastOneWhileNoneIs() {
    assertNull(leaders.show(s1, Optional.empty()), "none known yet");
    assertEquals("n2", leaders.show(s1, Optional.of("n2")));
    assertEquals("n2", leaders.show(s1, Optional.empty()), "electing: the last leader");
    assertEquals("n3", leaders.show(s1, Optional.of("n3")), "the new leader as soon as it is known");
    assertEquals("n3", leaders.show(s1, Optional.empty()));
  }

  @Test
  void neverShowsANodeTheShardMovedOff() {
    leaders.show(s1, Optional.of("n2"));
    ShardPlacement moved = new ShardPlacement("s1", 0, 16383, List.of("n1", "n3", "n4"));
    assertNull(leaders.show(moved, Optional.empty()));
  }

  @Test
  void shardsAreRememberedApart() {
    ShardPlacement s2 = new ShardPlacement("s2", 8192, 16383, List.of("n1", "n2", "n3"));
    leaders.show(s1, Optional.of("n1"));
    leaders.show(s2, Optional.of("n3"));
    assertEquals("n1", leaders.show(s1, Optional.empty()));
    assertEquals("n3", leaders.show(s2, Optional.empty()));
  }
}
