package io.slotraft.node.statemachine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slotraft.node.Catalogs;
import io.slotraft.node.keyspace.StringValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Log entries written by format version 1, kept as bytes: every later build must still decode and
 * apply them exactly so, or a replica replaying an old log would fork from its peers.
 */
class LogEntryCompatibilityTest {
  /** SET k v PX 5000 at leader time 1700000000000, seed 42. */
  static final String SET_V1 = "08011080d095ffbc31182a52150a0353455412016b12017612025058120435303030";
  /** The expiry cycle deleting k at leader time 1700000005000. */
  static final String EXPIRE_V1 = "08011088f795ffbc315a030a016b";

  private static ByteBuffer bytes(String hex) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
  }

  @Test
  void version1EntriesReplay() {
    ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    assertEquals("Simple[text=OK]", sm.apply(1, 1, bytes(SET_V1)).toString());
    var entry = sm.keyspace().lookup("k".getBytes(StandardCharsets.UTF_8), 1_700_000_000_000L);
    assertEquals("v", new String(((StringValue) entry.value()).bytes(), StandardCharsets.UTF_8));
    assertEquals(1_700_000_005_000L, entry.expireAtMs());
    sm.apply(2, 1, bytes(EXPIRE_V1));
    assertNull(sm.keyspace().lookup("k".getBytes(StandardCharsets.UTF_8), 0), "deleted by the expiry entry");
    assertEquals(1_700_000_005_000L, sm.clockMs());
  }
}
