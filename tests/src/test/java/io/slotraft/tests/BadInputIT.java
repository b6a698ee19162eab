package io.slotraft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.tests.harness.NodeProcess;
import io.slotraft.tests.harness.ProcessCluster;
import io.slotraft.tests.harness.RawConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Malformed bytes against a real node's RESP port: each gets Redis's error (and the connection is
 * closed where Redis closes it), and the node keeps serving everyone else without losing data.
 */
class BadInputIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path root;
  static ProcessCluster cluster;
  static NodeProcess leader;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ProcessCluster.startThree(root, 20100);
    leader = cluster.awaitLeader(Duration.ofSeconds(30));
    try (Jedis jedis = new Jedis("127.0.0.1", leader.respPort())) {
      for (int i = 0; i < 100; i++) {
        jedis.set("before:" + i, "v" + i);
      }
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try {
      assertNothingLost();
    } finally {
      cluster.close();
    }
  }

  static void assertNothingLost() {
    for (NodeProcess node : cluster.nodes()) {
      assertTrue(node.isAlive(), node.name() + " died");
    }
    try (Jedis jedis = new Jedis("127.0.0.1", leader.respPort())) {
      for (int i = 0; i < 100; i++) {
        assertEquals("v" + i, jedis.get("before:" + i));
      }
    }
  }

  private static void assertProtocolErrorAndClose(String bytes, String expectedError) throws Exception {
    try (RawConnection connection = new RawConnection(leader.respPort())) {
      connection.send(bytes);
      assertEquals("-ERR Protocol error: " + expectedError, connection.readLine());
      assertTrue(connection.closedByServer(), "connection should be closed after a protocol error");
    }
    assertServesOthers();
  }

  private static void assertServesOthers() {
    try (Jedis other = new Jedis("127.0.0.1", leader.respPort())) {
      assertEquals("PONG", other.ping());
      assertEquals("v1", other.get("before:1"));
    }
  }

  @Test
  void negativeBulkLength() throws Exception {
    assertProtocolErrorAndClose("*1\r\n$-5\r\n", "invalid bulk length");
  }

  @Test
  void hugeBulkLength() throws Exception {
    assertProtocolErrorAndClose("*1\r\n$99999999999999999999\r\n", "invalid bulk length");
  }

  @Test
  void oneGigabyteBulkHeaderIsRefusedAtOnce() throws Exception {
    assertProtocolErrorAndClose("*2\r\n$3\r\nGET\r\n$1073741824\r\n", "invalid bulk length");
  }

  @Test
  void bulkWhereAStringWasExpected() throws Exception {
    assertProtocolErrorAndClose("*1\r\n:5\r\n", "expected '$', got ':'");
  }

  @Test
  void garbageMultibulkCount() throws Exception {
    assertProtocolErrorAndClose("*abc\r\n", "invalid multibulk length");
  }

  @Test
  void randomGarbageNeverKillsTheNode() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      byte[] garbage = new byte[1 + random.nextInt(4096)];
      random.nextBytes(garbage);
      garbage[0] = (byte) "*$+-:x".charAt(random.nextInt(6));
      try (RawConnection connection = new RawConnection(leader.respPort())) {
        connection.send(garbage);
      }
    }
    assertServesOthers();
  }

  @Test
  void anUnterminatedArrayBlocksOnlyItsOwnConnection() throws Exception {
    try (RawConnection stuck = new RawConnection(leader.respPort())) {
      stuck.send("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n");
      assertServesOthers();
      stuck.send("$1\r\nv\r\n");
      assertEquals("+OK", stuck.readLine());
    }
  }

  @Test
  void wrongArityAndUnknownCommandsKeepTheConnectionOpen() throws Exception {
    try (RawConnection connection = new RawConnection(leader.respPort())) {
      connection.send("*1\r\n$3\r\nGET\r\n");
      assertEquals("-ERR wrong number of arguments for 'get' command", connection.readLine());
      connection.send("*2\r\n$7\r\nNOTACMD\r\n$1\r\nx\r\n");
      assertEquals("-ERR unknown command 'NOTACMD', with args beginning with: 'x' ", connection.readLine());
      connection.send("PING\r\n");
      assertEquals("+PONG", connection.readLine());
    }
  }

  @Test
  void anOversizedValueIsRefusedWithoutHarm() throws Exception {
    try (Jedis jedis = new Jedis("127.0.0.1", leader.respPort())) {
      jedis.set("big", "x".repeat(1 << 20));
      assertEquals(1 << 20, jedis.strlen("big"));
      Exception error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> jedis.setrange("big", 600L * 1024 * 1024, "x"));
      assertTrue(error.getMessage().contains("string exceeds maximum allowed size"), error.getMessage());
    }
  }
}
