package io.slotraft.node.injvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.slotraft.node.Catalogs;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.catalog.KeySpec;
import io.slotraft.proto.SlotHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing over the whole catalog, on three real nodes hosting six shards in this JVM: every command
 * that names keys runs on its slot's leader and is sent there with MOVED from anywhere else; keys of
 * two slots are CROSSSLOT; hash tags keep keys together.
 */
class RoutingInOneJvmTest {
  @TempDir
  static Path root;
  static InJvmCluster cluster;
  /** slot → the RESP port of the node leading it, once leaders are even and stay put. */
  static final int[] LEADER_PORT = new int[SlotHash.SLOT_COUNT];

  @BeforeAll
  static void start() throws Exception {
    cluster = InJvmCluster.start(root, 3, 6);
    awaitEvenLeaders();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Every shard led, two per node (the balancer's goal), and every node agreeing on it. */
  @SuppressWarnings("unchecked")
  private static void awaitEvenLeaders() throws Exception {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<int[]> seen = new ArrayList<>();
      boolean agreed = true;
      for (int port : cluster.respPorts()) {
        try (Resp resp = new Resp(port)) {
          int[] leaders = new int[SlotHash.SLOT_COUNT];
          int covered = 0;
          for (Object range : (List<Object>) resp.call("CLUSTER", "SLOTS")) {
            List<Object> fields = (List<Object>) range;
            int start = Integer.parseInt((String) fields.get(0));
            int end = Integer.parseInt((String) fields.get(1));
            int leaderPort = Integer.parseInt((String) ((List<Object>) fields.get(2)).get(1));
            for (int slot = start; slot <= end; slot++) {
              leaders[slot] = leaderPort;
            }
            covered += end - start + 1;
          }
          agreed &= covered == SlotHash.SLOT_COUNT;
          seen.add(leaders);
        }
      }
      if (agreed && seen.stream().allMatch(l -> java.util.Arrays.equals(l, seen.get(0))) && even(seen.get(0))) {
        System.arraycopy(seen.get(0), 0, LEADER_PORT, 0, SlotHash.SLOT_COUNT);
        Thread.sleep(4_000); // a balancing round that finds nothing to move
        return;
      }
      Thread.sleep(200);
    }
    fail("leaders never settled two per node");
  }

  private static boolean even(int[] leaders) {
    Map<Integer, Integer> slotsPerPort = new HashMap<>();
    for (int port : leaders) {
      slotsPerPort.merge(port, 1, Integer::sum);
    }
    return slotsPerPort.size() == 3 && slotsPerPort.values().stream().allMatch(n -> Math.abs(n - SlotHash.SLOT_COUNT / 3) < 1000);
  }

  /** A key whose slot is led by the node on {@code port} (or, with {@code ledThere} false, by another node). */
  private static String keyLed(int port, boolean ledThere, String prefix) {
    for (int i = 0; ; i++) {
      String key = prefix + i;
      int slot = SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
      if ((LEADER_PORT[slot] == port) == ledThere) {
        return key;
      }
    }
  }

  /** The shortest argv the command accepts, {@code key} at each key position, a filler elsewhere. */
  private static List<String> argvWithKey(CommandSpec spec, String key) {
    KeySpec keys = spec.keys();
    int argc = Math.max(Math.abs(spec.arity()), keys.first() + 1);
    String filler = spec.has(CommandFlag.BLOCKING) ? "0.01" : "1";
    List<String> argv = new ArrayList<>();
    argv.add(spec.name());
    int last = keys.last() < 0 ? argc + keys.last() : keys.last();
    for (int i = 1; i < argc; i++) {
      boolean keyPosition = i >= keys.first() && i <= last && (i - keys.first()) % keys.step() == 0;
      argv.add(keyPosition ? key : filler);
    }
    return argv;
  }

  private static List<CommandSpec> keyBearingCommands() {
    List<CommandSpec> specs = new ArrayList<>();
    for (CommandSpec spec : Catalogs.keyspaceOnly().all()) {
      if (spec.keys().hasKeys()) {
        specs.add(spec);
      }
    }
    assertTrue(specs.size() > 100, "the keyspace catalog has " + specs.size() + " key-bearing commands");
    return specs;
  }

  @Test
  void everyKeyBearingCommandRunsOnItsSlotsLeaderAndIsMovedThereFromElsewhere() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (int port : cluster.respPorts()) {
      try (Resp resp = new Resp(port)) {
        for (CommandSpec spec : keyBearingCommands()) {
          String remoteKey = keyLed(port, false, "r:" + spec.name() + ":");
          int slot = SlotHash.slot(remoteKey.getBytes(StandardCharsets.UTF_8));
          Object moved = resp.call(argvWithKey(spec, remoteKey));
          String expected = "-MOVED " + slot + " 127.0.0.1:" + LEADER_PORT[slot];
          if (!expected.equals(moved)) {
            wrong.add(spec.name() + " on " + port + ": expected " + expected + ", got " + moved);
          }
          Object local = resp.call(argvWithKey(spec, keyLed(port, true, "l:" + spec.name() + ":")));
          if (local instanceof String text && text.matches("-(MOVED|ASK|TRYAGAIN|CROSSSLOT).*")) {
            wrong.add(spec.name() + " on its leader " + port + " was not run: " + text);
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void keysOfTwoSlotsAreCrossSlotEvenOnTheLeaderOfTheFirst() throws Exception {
    int port = cluster.respPorts().get(0);
    String first = keyLed(port, true, "a");
    String second = keyLed(port, true, "b");
    assertTrue(SlotHash.slot(first.getBytes(StandardCharsets.UTF_8)) != SlotHash.slot(second.getBytes(StandardCharsets.UTF_8)));
    try (Resp resp = new Resp(port)) {
      for (List<String> argv : List.of(List.of("MSET", first, "1", second, "2"), List.of("DEL", first, second),
          List.of("SUNIONSTORE", first, second), List.of("RENAME", first, second), List.of("WATCH", first, second))) {
        assertEquals("-CROSSSLOT Keys in request don't hash to the same slot", resp.call(argv), argv.toString());
      }
    }
  }

  @Test
  void hashTagsKeepKeysOfOneObjectTogether() throws Exception {
    int slot = SlotHash.slot("user42".getBytes(StandardCharsets.UTF_8));
    try (Resp resp = new Resp(LEADER_PORT[slot])) {
      assertEquals("OK", resp.call("MSET", "{user42}:name", "ada", "{user42}:email", "ada@example.org"));
      assertEquals(List.of("ada", "ada@example.org"), resp.call("MGET", "{user42}:name", "{user42}:email"));
      assertEquals("OK", resp.call("MULTI"));
      assertEquals("QUEUED", resp.call("INCR", "{user42}:visits"));
      assertEquals("QUEUED", resp.call("GET", "{user42}:name"));
      assertEquals(List.of("1", "ada"), resp.call("EXEC"));
    }
  }

  @Test
  void aTransactionQueuingAKeyLedElsewhereIsMovedAndAborts() throws Exception {
    int port = cluster.respPorts().get(1);
    String elsewhere = keyLed(port, false, "t");
    int slot = SlotHash.slot(elsewhere.getBytes(StandardCharsets.UTF_8));
    try (Resp resp = new Resp(port)) {
      assertEquals("OK", resp.call("MULTI"));
      assertEquals("-MOVED " + slot + " 127.0.0.1:" + LEADER_PORT[slot], resp.call("SET", elsewhere, "1"));
      assertEquals("-EXECABORT Transaction discarded because of previous errors.", resp.call("EXEC"));
      assertFalse(resp.call("WATCH", elsewhere).toString().startsWith("+"), "WATCH of another node's slot is moved");
    }
  }
}
