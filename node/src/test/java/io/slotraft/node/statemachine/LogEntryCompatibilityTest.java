package io.slotraft.node.statemachine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slotraft.node.Catalogs;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.reply.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
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

  /**
   * Format version 3: MULTI; SET {t}a 1; INCR {t}a; EXEC at leader time 1700000000000, seed 42,
   * watching {t}w since index 5 at 1699999999000.
   */
  static final String TRANSACTION_V3 = "08031080d095ffbc31182a6a2f0a0e0a0353455412047b747d611201310a0c0a04494e4352"
      + "12047b747d61120f0a047b747d7710051898c895ffbc31";

  private static ByteBuffer bytes(String hex) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
  }

  @Test
  void version1EntriesReplay() {
    ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    assertEquals(List.of(new Reply.Simple("OK")), sm.apply(1, 1, bytes(SET_V1)));
    var entry = sm.keyspace().lookup("k".getBytes(StandardCharsets.UTF_8), 1_700_000_000_000L);
    assertEquals("v", new String(((StringValue) entry.value()).bytes(), StandardCharsets.UTF_8));
    assertEquals(1_700_000_005_000L, entry.expireAtMs());
    sm.apply(2, 1, bytes(EXPIRE_V1));
    assertNull(sm.keyspace().lookup("k".getBytes(StandardCharsets.UTF_8), 0), "deleted by the expiry entry");
    assertEquals(1_700_000_005_000L, sm.clockMs());
  }

  @Test
  void version3TransactionEntriesReplayAndAreWrittenByteForByte() {
    byte[] written = EntryCodec.transaction(1_700_000_000_000L, 42,
        List.of(List.of(b("SET"), b("{t}a"), b("1")), List.of(b("INCR"), b("{t}a"))),
        List.of(new KeyWatch(b("{t}w"), 5, 1_699_999_999_000L)));
    assertEquals(TRANSACTION_V3, HexFormat.of().formatHex(written), "the layout of a transaction entry changed");

    ShardStateMachine sm = new ShardStateMachine(Catalogs.keyspaceOnly());
    assertEquals(List.of(new Reply.Array(List.of(new Reply.Simple("OK"), new Reply.Int(2)))),
        sm.apply(6, 1, bytes(TRANSACTION_V3)));
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
