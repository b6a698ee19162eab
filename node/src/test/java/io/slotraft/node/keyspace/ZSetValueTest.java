package io.slotraft.node.keyspace;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ZSetValue against the simplest model that can be right: a map of member to score, sorted in full
 * whenever it is asked a question. Members are ISO-8859-1 strings, whose char order is the unsigned
 * byte order Redis uses. Fixed seeds: a failure is reproducible, and the seed is the bug report.
 */
class ZSetValueTest {
  private static final double[] SCORES = {Double.NEGATIVE_INFINITY, -2.5, -1, -0.0, 0, 0.5, 1, 1, 2, 3,
      1e300, Double.POSITIVE_INFINITY};

  private record Element(String member, double score) {}

  private static final Comparator<Element> ORDER = (a, b) -> {
    int byScore = a.score < b.score ? -1 : a.score > b.score ? 1 : 0;
    return byScore != 0 ? byScore : a.member.compareTo(b.member);
  };

  private final Map<String, Double> model = new HashMap<>();
  private final ZSetValue zset = new ZSetValue();

  @Test
  void randomChangesAgreeWithTheModel() {
    SplittableRandom random = new SplittableRandom(20240601);
    for (int step = 0; step < 30_000; step++) {
      int op = random.nextInt(100);
      if (op < 55) {
        put(member(random), score(random));
      } else if (op < 90) {
        String member = member(random);
        assertEquals(model.remove(member) != null, zset.remove(bytes(member)), "remove " + member);
      } else if (op < 91) {
        removeRange(random);
        zset.checkInvariants();
      } else {
        ask(random);
      }
      if (step % 1000 == 0) {
        zset.checkInvariants();
        assertSameElements();
      }
    }
    zset.checkInvariants();
    assertSameElements();
  }

  @Test
  void growingToManyThousandsAndShrinkingToNothingKeepsEveryInvariant() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      put("m" + i, random.nextInt(100));
    }
    zset.checkInvariants();
    assertSameElements();
    for (int i = 0; i < 20_000; i += 2) {
      assertTrue(zset.remove(bytes("m" + i)));
      model.remove("m" + i);
    }
    zset.checkInvariants();
    assertSameElements();
    for (int i = 1; i < 20_000; i += 2) {
      assertTrue(zset.remove(bytes("m" + i)));
    }
    assertEquals(0, zset.size());
    zset.checkInvariants();
  }

  @Test
  void ascendingInsertsStayShallow() {
    for (int i = 0; i < 100_000; i++) {
      zset.put(bytes("m"), 0);
      zset.put(bytes(String.format("%08d", i)), i);
    }
    int height = zset.checkInvariants();
    assertTrue(height <= 2.5 * (Math.log(100_001) / Math.log(2)) + 2, "height " + height);
  }

  @Test
  void builderOrdersWhateverItIsGiven() {
    SplittableRandom random = new SplittableRandom(99);
    ZSetValue.Builder builder = ZSetValue.builder(0);
    for (int i = 0; i < 5000; i++) {
      String member = member(random);
      double score = score(random);
      builder.put(bytes(member), score);
      model.put(member, score);
    }
    ZSetValue built = builder.build();
    built.checkInvariants();
    assertEquals(sortedModel(), elementsOf(built));
    built.put(bytes("after"), 1);
    built.checkInvariants();
  }

  @Test
  void lexCountsAreExactWhenAllScoresAreEqual() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 500; i++) {
      put(member(random), 0);
    }
    List<Element> sorted = sortedModel();
    for (int i = 0; i < 500; i++) {
      String probe = member(random);
      long below = sorted.stream().filter(e -> e.member.compareTo(probe) < 0).count();
      long atMost = sorted.stream().filter(e -> e.member.compareTo(probe) <= 0).count();
      assertEquals(below, zset.countMembersBelow(bytes(probe), false), probe);
      assertEquals(atMost, zset.countMembersBelow(bytes(probe), true), probe);
    }
  }

  @Test
  void negativeZeroRanksAsZeroAndNaNIsRefused() {
    zset.put(bytes("b"), 0.0);
    zset.put(bytes("a"), -0.0);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(zset.score(bytes("a"))), "kept as given");
    assertEquals("a", string(zset.memberAt(0)), "a tie with 0, broken by the member");
    assertEquals(2, zset.countBelow(0, true));
    assertEquals(0, zset.countBelow(0, false));
    zset.put(bytes("a"), 0.0);
    assertEquals(0, Double.doubleToRawLongBits(zset.score(bytes("a"))), "the other zero is a change");
    assertThrows(IllegalArgumentException.class, () -> zset.put(bytes("c"), Double.NaN));
    assertTrue(Double.isNaN(zset.score(bytes("c"))), "an absent member reads as NaN");
  }

  @Test
  void removingTheWholeRangeEmptiesTheSetAndItStaysUsable() {
    for (int i = 0; i < 100; i++) {
      put("m" + i, i);
    }
    assertEquals(100, zset.removeRange(-5, 1000));
    assertEquals(0, zset.size());
    put("x", 1);
    zset.checkInvariants();
    assertEquals(1, zset.size());
  }

  @Test
  void aCopySharesNothingThatChanges() {
    for (int i = 0; i < 50; i++) {
      put("m" + i, i);
    }
    ZSetValue copy = zset.copy();
    copy.remove(bytes("m0"));
    copy.put(bytes("m1"), 100);
    copy.put(bytes("new"), 5);
    assertSameElements();
    copy.checkInvariants();
    assertEquals(50, copy.size());
    assertEquals(100.0, copy.score(bytes("m1")));
  }

  private void put(String member, double score) {
    boolean fresh = !model.containsKey(member);
    model.put(member, score);
    assertEquals(fresh, zset.put(bytes(member), score), "put " + member);
  }

  private void removeRange(SplittableRandom random) {
    List<Element> sorted = sortedModel();
    int from = random.nextInt(-2, sorted.size() + 2);
    // Short ranges go one removal at a time; ranges over half the set rebuild it.
    int to = from + (random.nextBoolean() ? random.nextInt(0, 10) : random.nextInt(0, sorted.size() + 3));
    int removed = zset.removeRange(from, to);
    List<Element> doomed = sorted.subList(Math.max(0, Math.min(from, sorted.size())), Math.max(0, Math.min(to, sorted.size())));
    assertEquals(doomed.size(), removed);
    doomed.forEach(e -> model.remove(e.member));
  }

  /** One random question of each kind, answered by both. */
  private void ask(SplittableRandom random) {
    List<Element> sorted = sortedModel();
    assertEquals(sorted.size(), zset.size());
    String member = member(random);
    Double expected = model.get(member);
    double actual = zset.score(bytes(member));
    assertEquals(expected == null ? Double.NaN : expected, actual, member);
    int rank = indexOf(sorted, member);
    assertEquals(rank, zset.rank(bytes(member)), "rank of " + member);
    if (!sorted.isEmpty()) {
      int at = random.nextInt(sorted.size());
      assertEquals(sorted.get(at).member, string(zset.memberAt(at)));
      assertEquals(sorted.get(at).score, zset.scoreAt(at));
    }
    double bound = score(random);
    assertEquals(sorted.stream().filter(e -> e.score < bound).count(), zset.countBelow(bound, false));
    assertEquals(sorted.stream().filter(e -> e.score <= bound).count(), zset.countBelow(bound, true));
    int from = random.nextInt(-1, sorted.size() + 1);
    int to = random.nextInt(-1, sorted.size() + 2);
    boolean reverse = random.nextBoolean();
    List<Element> expectedRange = new ArrayList<>(sorted.subList(clamp(from, sorted), Math.max(clamp(from, sorted), clamp(to, sorted))));
    if (reverse) {
      java.util.Collections.reverse(expectedRange);
    }
    List<Element> range = new ArrayList<>();
    zset.forEach(from, to, reverse, (m, s) -> range.add(new Element(string(m), s)));
    assertEquals(expectedRange, range, "range " + from + ".." + to + (reverse ? " reversed" : ""));
  }

  private void assertSameElements() {
    assertEquals(sortedModel(), elementsOf(zset));
    Set<String> scanned = new HashSet<>();
    long cursor = 0;
    do {
      cursor = zset.scan(cursor, 7, (m, s) -> assertTrue(scanned.add(string(m)), "scanned twice"));
    } while (cursor != 0);
    assertEquals(model.keySet(), scanned);
  }

  private static List<Element> elementsOf(ZSetValue zset) {
    List<Element> elements = new ArrayList<>();
    zset.forEach(0, zset.size(), false, (m, s) -> elements.add(new Element(string(m), s)));
    return elements;
  }

  private List<Element> sortedModel() {
    List<Element> sorted = new ArrayList<>();
    model.forEach((m, s) -> sorted.add(new Element(m, s)));
    sorted.sort(ORDER);
    return sorted;
  }

  private static int indexOf(List<Element> sorted, String member) {
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).member.equals(member)) {
        return i;
      }
    }
    return -1;
  }

  private static int clamp(int index, List<Element> sorted) {
    return Math.max(0, Math.min(index, sorted.size()));
  }

  /** Short members over bytes that sort differently signed and unsigned, the empty one included. */
  private static String member(SplittableRandom random) {
    char[] alphabet = {'a', 'b', 'z', 0, 0x7F, 0x80, 0xFF};
    StringBuilder member = new StringBuilder();
    int length = random.nextInt(4);
    for (int i = 0; i < length; i++) {
      member.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return member.toString();
  }

  private static double score(SplittableRandom random) {
    return random.nextInt(4) == 0 ? random.nextInt(-3, 4) : SCORES[random.nextInt(SCORES.length)];
  }

  static byte[] bytes(String member) {
    return member.getBytes(ISO_8859_1);
  }

  static String string(byte[] member) {
    return new String(member, ISO_8859_1);
  }

  /** The ZSCAN guarantee: a member present from the first step to the last is visited, however the table resizes. */
  @Test
  void scanVisitsEveryMemberPresentThroughoutWhileTheSetGrowsAndShrinks() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 3000; i++) {
      put("stay" + i, i);
    }
    Set<String> seen = new HashSet<>();
    long cursor = 0;
    int steps = 0;
    do {
      cursor = zset.scan(cursor, 1 + random.nextInt(50), (m, s) -> seen.add(string(m)));
      // Churn: grow past a resize, then shrink back below one, between steps.
      int churn = steps % 20 < 10 ? 800 : -800;
      for (int i = 0; i < Math.abs(churn); i++) {
        String member = "churn" + random.nextInt(20_000);
        if (churn > 0) {
          zset.put(bytes(member), i);
        } else {
          zset.remove(bytes(member));
        }
      }
      steps++;
    } while (cursor != 0);
    for (int i = 0; i < 3000; i++) {
      assertTrue(seen.contains("stay" + i), "missed stay" + i);
    }
  }

  @Test
  void absentMembersAreNotFound() {
    assertFalse(zset.remove(bytes("x")));
    assertEquals(-1, zset.rank(bytes("x")));
  }
}
