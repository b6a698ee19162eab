package io.slotraft.node.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nodes joining and leaving, as stories. Every plan, from the tables and from the sweep over cluster
 * sizes, is replayed move by move and checked against every rule a rebalance must keep
 * ({@link #assertKeepsEveryRule}).
 */
class RebalancePlannerTest {
  private static final long GIB = 1L << 30;

  /** What the planner is given. */
  record Input(List<String> nodes, Set<String> draining, List<ShardLoad> shards, int maxConcurrentMoves) {
    RebalancePlan plan() {
      return RebalancePlanner.plan(nodes, draining, shards, maxConcurrentMoves);
    }

    List<String> staying() {
      return nodes.stream().filter(node -> !draining.contains(node)).toList();
    }
  }

  /**
   * A story, its input and what the plan must come to.
   *
   * @param shardsMovingTwice shards with more than one replica moving: only those that must
   */
  record Row(String story, Input input, int moves, int waves, int shardsMovingTwice) {
    @Override
    public String toString() {
      return story;
    }
  }

  static Stream<Row> stories() {
    return Stream.of(
        new Row("three nodes become four, 12 shards RF3: each old node gives three replicas",
            new Input(members(4), Set.of(), planned(3, 12, 3, equalBytes()), 4), 9, 3, 0),
        new Row("three nodes become five, 12 shards RF3: 14 moves, so two shards must move twice",
            new Input(members(5), Set.of(), planned(3, 12, 3, equalBytes()), 4), 14, 4, 2),
        // n1 and n2 need three more replicas between them, but of n3's shards they lack only s3 and s8.
        new Row("five nodes, n3 drained: its seven replicas and one more, as n1 and n2 hold most of n3's shards",
            new Input(members(5), Set.of("n3"), planned(5, 12, 3, equalBytes()), 4), 8, 2, 0),
        // The bootstrap pairs n1 with n2 and n3 with n4: six shards lose both replicas.
        new Row("four nodes, n3 and n4 drained, RF2: the two left hold every shard",
            new Input(members(4), Set.of("n3", "n4"), planned(4, 12, 2, equalBytes()), 4), 12, 3, 6),
        new Row("a balanced cluster is left alone",
            new Input(members(5), Set.of(), planned(5, 12, 3, equalBytes()), 4), 0, 0, 0),
        new Row("uneven bytes, three nodes become four: still nine moves, bytes within the largest shard",
            new Input(members(4), Set.of(), planned(3, 12, 3, shard -> (shard + 1) * 100L * GIB), 4), 9, 3, 0),
        new Row("one huge shard among small ones: nothing to gain by moving it",
            new Input(members(4), Set.of(), planned(4, 8, 1, shard -> shard == 0 ? 500 * GIB : GIB), 2), 0, 0, 0),
        new Row("RF1, two nodes become three: two shards move",
            new Input(members(3), Set.of(), planned(2, 6, 1, equalBytes()), 4), 2, 1, 0),
        new Row("RF2, four nodes become five: one replica off each old node",
            new Input(members(5), Set.of(), planned(4, 12, 2, equalBytes()), 4), 4, 1, 0),
        new Row("concurrency 1: three nodes become four one move at a time",
            new Input(members(4), Set.of(), planned(3, 12, 3, equalBytes()), 1), 9, 9, 0),
        // n4 holds exactly n5's seven shards, so the two replicas n4 needs must come from members.
        new Row("n5 drained though no longer a member: its seven replicas and two for n4, which holds all of n5's",
            new Input(members(4), Set.of("n5"), planned(5, 12, 3, equalBytes()), 4), 9, 3, 0),
        new Row("n1 drained and n6 joins in one plan: n1's seven replicas all go to n6",
            new Input(members(6), Set.of("n1"), planned(5, 12, 3, equalBytes()), 3), 7, 3, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stories")
  void eachStoryEndsBalancedWithTheFewestMoves(Row row) {
    RebalancePlan plan = row.input().plan();
    assertKeepsEveryRule(row.story(), row.input(), plan);
    assertEquals(row.moves(), plan.moves().size(), row.story() + ": moves " + plan.moves());
    assertEquals(row.waves(), plan.waveCount(), row.story() + ": waves " + plan.moves());
    assertEquals(row.shardsMovingTwice(), shardsMovingTwice(plan), row.story() + ": " + plan.moves());
  }

  /** The bootstrap placement is even in replicas and leaders, and in bytes when shards are equal or of unknown size. */
  @Test
  void aBalancedClusterGetsAnEmptyPlan() {
    for (int[] cluster : new int[][] {{3, 1, 3}, {3, 12, 3}, {4, 8, 1}, {5, 12, 2}, {7, 30, 3}, {9, 48, 3}}) {
      for (long bytes : new long[] {GIB, 0}) {
        Input input = new Input(members(cluster[0]), Set.of(), planned(cluster[0], cluster[1], cluster[2],
            shard -> bytes), 4);
        RebalancePlan plan = input.plan();
        assertTrue(plan.isEmpty(), Arrays.toString(cluster) + ": " + plan);
        assertEquals(input.shards().stream().collect(Collectors.toMap(ShardLoad::shardId, ShardLoad::replicas)),
            plan.finalReplicas());
      }
    }
  }

  @Test
  void twoNodesBecomeThreeAndEachGivesItsFirstShard() {
    // n1 holds s1, s3, s5 and n2 holds s2, s4, s6; n3 should end with two, one from each.
    Input input = new Input(members(3), Set.of(), planned(2, 6, 1, equalBytes()), 4);
    RebalancePlan plan = input.plan();
    assertEquals(List.of(new ReplicaMove("s1", "n1", "n3", GIB, 0), new ReplicaMove("s2", "n2", "n3", GIB, 0)),
        plan.moves());
    assertEquals(List.of(), plan.leaderMoves());
    assertEquals(List.of("n3"), plan.finalReplicas().get("s1"));
    assertEquals(List.of("n1"), plan.finalReplicas().get("s3"));
    assertEquals(2 * GIB, plan.bytesToCopy());
  }

  @Test
  void aDrainedPreferredLeaderIsReplacedByTheNodeItsReplicaWentTo() {
    List<ShardLoad> shards = List.of(new ShardLoad("s1", List.of("n1", "n2"), GIB),
        new ShardLoad("s2", List.of("n2", "n1"), GIB));
    Input input = new Input(List.of("n1", "n2", "n3"), Set.of("n1"), shards, 2);
    RebalancePlan plan = input.plan();
    assertKeepsEveryRule("n1 drained into n3", input, plan);
    assertEquals(List.of(new ReplicaMove("s1", "n1", "n3", GIB, 0), new ReplicaMove("s2", "n1", "n3", GIB, 0)),
        plan.moves());
    assertEquals(List.of(), plan.leaderMoves());
    assertEquals(Map.of("s1", List.of("n3", "n2"), "s2", List.of("n2", "n3")), plan.finalReplicas());
  }

  @Test
  void leadersPiledOnOneNodeAreSpreadWithoutMovingAReplica() {
    List<ShardLoad> shards = IntStream.rangeClosed(1, 3)
        .mapToObj(i -> new ShardLoad("s" + i, List.of("n1", "n2", "n3"), GIB)).toList();
    Input input = new Input(members(3), Set.of(), shards, 4);
    RebalancePlan plan = input.plan();
    assertKeepsEveryRule("all leaders on n1", input, plan);
    assertEquals(List.of(), plan.moves());
    assertEquals(List.of(new LeaderMove("s1", "n1", "n2"), new LeaderMove("s2", "n1", "n3")), plan.leaderMoves());
    assertEquals(List.of("n3", "n1", "n2"), plan.finalReplicas().get("s2"));
    assertFalse(plan.isEmpty());
  }

  @Test
  void theSameInputGivesTheSamePlanWhateverTheDrainingSetsOrder() {
    List<ShardLoad> shards = planned(6, 30, 3, shard -> (shard * 7919L) % 1000 * GIB);
    Set<String> forwards = new LinkedHashSet<>(List.of("n2", "n5"));
    Set<String> backwards = new TreeSet<>(Comparator.reverseOrder());
    backwards.addAll(forwards);
    RebalancePlan first = RebalancePlanner.plan(members(8), forwards, shards, 3);
    assertEquals(first, RebalancePlanner.plan(members(8), forwards, shards, 3));
    assertEquals(first, RebalancePlanner.plan(members(8), backwards, shards, 3));
    assertEquals(first, RebalancePlanner.plan(members(8), new HashSet<>(forwards), shards, 3));
  }

  /**
   * Every member count 3 to 9, shard count 1 to 48 and factor 1 to 3, starting from the bootstrap
   * placement, with none, one or two nodes joining and none or one drained; equal bytes for even
   * shard counts, uneven for odd ones. With equal bytes and a node joining, the moves must be exactly
   * the fewest that even the replica counts. With a node drained and none joining that count can be
   * out of reach (two stories above show why), so there the sweep checks the rules alone.
   */
  @Test
  void everyClusterUpToNineNodesEndsBalanced() {
    for (int members = 3; members <= 9; members++) {
      for (int shards = 1; shards <= 48; shards++) {
        IntToLongFunction bytes = shards % 2 == 0 ? equalBytes() : shard -> (shard * 7919L + 13) % 1000;
        for (int factor = 1; factor <= 3; factor++) {
          List<ShardLoad> start = planned(members, shards, factor, bytes);
          for (int joining = 0; joining <= 2; joining++) {
            for (int drained = joining == 0 ? 1 : 0; drained <= 1; drained++) {
              if (factor > members + joining - drained) {
                continue; // refused: see impossibleInputIsRefusedWithTheReason
              }
              Set<String> draining = drained == 0 ? Set.of() : Set.of("n" + (shards % members + 1));
              Input input = new Input(members(members + joining), draining, start, 1 + shards % 4);
              String what = members + " members, " + shards + " shards, RF" + factor + ", " + joining
                  + " joining, draining " + draining;
              RebalancePlan plan = input.plan();
              assertKeepsEveryRule(what, input, plan);
              if (joining > 0 && shards % 2 == 0) {
                assertEquals(fewestMovesForCounts(input), plan.moves().size(), () -> what + ": fewest moves");
              }
            }
          }
        }
      }
    }
  }

  static Stream<Object[]> refusals() {
    List<ShardLoad> rf3 = planned(4, 12, 3, equalBytes());
    return Stream.of(
        new Object[] {"four nodes RF3, two drained", new Input(members(4), Set.of("n3", "n4"), rf3, 4),
            "shard s1 has 3 replicas but only 2 nodes would be left after draining: add nodes or drain fewer"},
        new Object[] {"no nodes", new Input(List.of(), Set.of(), List.of(), 4), "no active nodes to place replicas on"},
        new Object[] {"a replica on an unknown node", new Input(members(3), Set.of(), rf3, 4),
            "shard s2 has a replica on n4, which is neither an active nor a draining node"},
        new Object[] {"no moves allowed at a time", new Input(members(4), Set.of(), rf3, 0),
            "at least one move must be allowed at a time, got 0"},
        new Object[] {"every node draining", new Input(members(2), Set.of("n1", "n2"), List.of(), 1),
            "every node is draining: none would be left to hold the replicas"},
        new Object[] {"a node listed twice", new Input(List.of("n1", "n1"), Set.of(), List.of(), 1),
            "node n1 is listed twice"},
        new Object[] {"a shard listed twice", new Input(members(2), Set.of(),
            List.of(new ShardLoad("s1", List.of("n1"), 0), new ShardLoad("s1", List.of("n2"), 0)), 1),
            "shard s1 is listed twice"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void impossibleInputIsRefusedWithTheReason(String story, Input input, String reason) {
    assertEquals(reason, assertThrows(IllegalArgumentException.class, input::plan).getMessage(), story);
  }

  @Test
  void aShardThatCannotExistIsRefusedWithTheReason() {
    assertEquals("shard s1 has two replicas on one node: [n1, n1]", assertThrows(IllegalArgumentException.class,
        () -> new ShardLoad("s1", List.of("n1", "n1"), 0)).getMessage());
    assertEquals("shard s1 has a negative size: -1 bytes", assertThrows(IllegalArgumentException.class,
        () -> new ShardLoad("s1", List.of("n1"), -1)).getMessage());
    assertEquals("shard s1 has no replica", assertThrows(IllegalArgumentException.class,
        () -> new ShardLoad("s1", List.of(), 0)).getMessage());
  }

  /**
   * The rules of a rebalance plan. Replays the moves in order (each legal where it stands), then
   * checks the cluster they leave: draining nodes empty; replica counts, preferred leaders and bytes
   * even; waves well formed; drained replicas first; leader moves only where leaders are uneven.
   */
  private static void assertKeepsEveryRule(String what, Input input, RebalancePlan plan) {
    Map<String, List<String>> replicas = replayMoves(what, input, plan.moves());
    assertLeaderMovesOnlyWhereNeeded(what, input, replicas, plan.leaderMoves());
    replayLeaderMoves(what, replicas, plan.leaderMoves());
    assertEquals(replicas, plan.finalReplicas(), () -> what + ": final replicas");
    assertEquals(List.copyOf(replicas.keySet()), List.copyOf(plan.finalReplicas().keySet()), () -> what + ": slot order");
    assertEvenlySpread(what, input, plan.finalReplicas());
    assertWavesWellFormed(what, input, plan);
    assertEquals(plan.moves().stream().mapToLong(ReplicaMove::bytes).sum(), plan.bytesToCopy(), what);
    assertEquals(plan.moves().isEmpty() && plan.leaderMoves().isEmpty(), plan.isEmpty(), what);
    assertTrue(plan.moves().size() >= fewestMovesForCounts(input), () -> what + ": fewer moves than possible?");
  }

  private static Map<String, List<String>> replayMoves(String what, Input input, List<ReplicaMove> moves) {
    Set<String> staying = Set.copyOf(input.staying());
    Map<String, List<String>> replicas = new LinkedHashMap<>();
    Map<String, Long> bytes = new HashMap<>();
    input.shards().forEach(shard -> {
      replicas.put(shard.shardId(), new ArrayList<>(shard.replicas()));
      bytes.put(shard.shardId(), shard.bytes());
    });
    for (ReplicaMove move : moves) {
      List<String> held = replicas.get(move.shardId());
      Supplier<String> step = () -> what + ": " + move + " on " + held;
      assertTrue(held.contains(move.fromNode()), () -> step.get() + ": moves a replica that is not there");
      assertFalse(held.contains(move.toNode()), () -> step.get() + ": two replicas on one node");
      assertTrue(staying.contains(move.toNode()), () -> step.get() + ": target is draining or unknown");
      assertEquals(bytes.get(move.shardId()), move.bytes(), step);
      held.set(held.indexOf(move.fromNode()), move.toNode());
    }
    return replicas;
  }

  /** Leader moves only when the leaders the replica moves leave behind are more than one apart. */
  private static void assertLeaderMovesOnlyWhereNeeded(String what, Input input, Map<String, List<String>> replicas,
      List<LeaderMove> leaderMoves) {
    if (spread(leaderCounts(input, replicas)) <= 1) {
      assertEquals(List.of(), leaderMoves, () -> what + ": leaders were even already");
    }
    assertEquals(leaderMoves.size(), leaderMoves.stream().map(LeaderMove::shardId).distinct().count(), what);
  }

  private static void replayLeaderMoves(String what, Map<String, List<String>> replicas, List<LeaderMove> moves) {
    for (LeaderMove move : moves) {
      List<String> held = replicas.get(move.shardId());
      assertEquals(move.fromNode(), held.get(0), () -> what + ": " + move + " from the leader the moves left");
      assertTrue(held.remove(move.toNode()), () -> what + ": " + move + " to a node without a replica");
      held.add(0, move.toNode());
    }
  }

  private static void assertEvenlySpread(String what, Input input, Map<String, List<String>> replicas) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, Long> bytes = new LinkedHashMap<>();
    input.staying().forEach(node -> {
      counts.put(node, 0);
      bytes.put(node, 0L);
    });
    long largest = input.shards().stream().mapToLong(ShardLoad::bytes).max().orElse(0);
    for (ShardLoad shard : input.shards()) {
      List<String> held = replicas.get(shard.shardId());
      assertEquals(shard.replicas().size(), held.size(), () -> what + ": " + shard.shardId() + " keeps its factor");
      assertEquals(held.size(), new HashSet<>(held).size(), () -> what + ": " + shard.shardId() + " two on one node");
      for (String node : held) {
        assertTrue(counts.containsKey(node), () -> what + ": " + shard.shardId() + " left on draining " + node);
        counts.merge(node, 1, Integer::sum);
        bytes.merge(node, shard.bytes(), Long::sum);
      }
    }
    assertTrue(spread(counts) <= 1, () -> what + ": replicas " + counts);
    long byteSpread = Collections.max(bytes.values()) - Collections.min(bytes.values());
    assertTrue(byteSpread <= largest,
        () -> what + ": bytes " + bytes + " spread more than the largest shard " + largest);
    Map<String, Integer> leaders = leaderCounts(input, replicas);
    if (spread(leaders) > 1) {
      assertTrue(spread(leaders) <= bestLeaderSpread(input, replicas), () -> what + ": leaders " + leaders);
    }
  }

  /** The spread {@link PreferredLeaders} reaches on the same replicas: what "as even as the replicas allow" means. */
  private static int bestLeaderSpread(Input input, Map<String, List<String>> replicas) {
    List<String> staying = input.staying();
    List<List<Integer>> holders = replicas.values().stream()
        .map(held -> held.stream().map(staying::indexOf).toList()).toList();
    int[] leaders = PreferredLeaders.choose(holders, staying.size());
    int[] led = new int[staying.size()];
    for (int leader : leaders) {
      led[leader]++;
    }
    return IntStream.of(led).max().orElse(0) - IntStream.of(led).min().orElse(0);
  }

  private static void assertWavesWellFormed(String what, Input input, RebalancePlan plan) {
    List<ReplicaMove> moves = plan.moves();
    int lastWave = -1;
    Map<Integer, List<String>> shardsByWave = new LinkedHashMap<>();
    for (ReplicaMove move : moves) {
      assertTrue(move.wave() == lastWave || move.wave() == lastWave + 1,
          () -> what + ": waves numbered from 0 without gaps, in order: " + moves);
      lastWave = move.wave();
      List<String> shards = shardsByWave.computeIfAbsent(move.wave(), w -> new ArrayList<>());
      assertFalse(shards.contains(move.shardId()), () -> what + ": " + move.shardId() + " twice in wave " + move.wave());
      shards.add(move.shardId());
      assertTrue(shards.size() <= input.maxConcurrentMoves(), () -> what + ": wave " + move.wave() + " too large");
    }
    assertEquals(shardsByWave.size(), plan.waveCount(), what);
    // Replicas leave draining nodes first: no other move comes in an earlier wave, unless the
    // drained replica waits for an earlier move of its own shard.
    Map<String, Long> movesOfShard = new HashMap<>();
    moves.forEach(move -> movesOfShard.merge(move.shardId(), 1L, Long::sum));
    int lastDrainWave = moves.stream().filter(move -> input.draining().contains(move.fromNode()))
        .filter(move -> movesOfShard.get(move.shardId()) == 1).mapToInt(ReplicaMove::wave).max().orElse(0);
    int firstOtherWave = moves.stream().filter(move -> !input.draining().contains(move.fromNode()))
        .mapToInt(ReplicaMove::wave).min().orElse(Integer.MAX_VALUE);
    assertTrue(lastDrainWave <= firstOtherWave, () -> what + ": drained replicas first: " + moves);
  }

  /**
   * The fewest moves that empty the draining nodes and bring the others within one replica: every
   * draining replica, and every replica above each node's target, the higher targets going to the
   * nodes that hold most.
   */
  private static int fewestMovesForCounts(Input input) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    input.staying().forEach(node -> counts.put(node, 0));
    int drained = 0;
    int total = 0;
    for (ShardLoad shard : input.shards()) {
      for (String node : shard.replicas()) {
        total++;
        if (counts.containsKey(node)) {
          counts.merge(node, 1, Integer::sum);
        } else {
          drained++;
        }
      }
    }
    List<Integer> mostFirst = counts.values().stream().sorted(Comparator.reverseOrder()).toList();
    int base = total / mostFirst.size();
    int withOneMore = total % mostFirst.size();
    int moves = drained;
    for (int i = 0; i < mostFirst.size(); i++) {
      moves += Math.max(0, mostFirst.get(i) - (base + (i < withOneMore ? 1 : 0)));
    }
    return moves;
  }

  private static Map<String, Integer> leaderCounts(Input input, Map<String, List<String>> replicas) {
    Map<String, Integer> leaders = new LinkedHashMap<>();
    input.staying().forEach(node -> leaders.put(node, 0));
    replicas.values().forEach(held -> leaders.merge(held.get(0), 1, Integer::sum));
    return leaders;
  }

  private static int spread(Map<String, Integer> counts) {
    return Collections.max(counts.values()) - Collections.min(counts.values());
  }

  private static long shardsMovingTwice(RebalancePlan plan) {
    Map<String, Integer> moves = new HashMap<>();
    plan.moves().forEach(move -> moves.merge(move.shardId(), 1, Integer::sum));
    return moves.values().stream().filter(count -> count > 1).count();
  }

  private static List<String> members(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "n" + i).toList();
  }

  private static IntToLongFunction equalBytes() {
    return shard -> GIB;
  }

  /** The bootstrap placement of {@code members} nodes, as loads with the given bytes per shard index. */
  private static List<ShardLoad> planned(int members, int shards, int factor, IntToLongFunction bytes) {
    List<ShardPlacement> placed = PlacementPlanner.plan(members(members), shards, factor).shards();
    return IntStream.range(0, placed.size())
        .mapToObj(i -> new ShardLoad(placed.get(i).shardId(), placed.get(i).replicaNodeIds(), bytes.applyAsLong(i)))
        .toList();
  }
}
