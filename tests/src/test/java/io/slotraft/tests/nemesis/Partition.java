package io.slotraft.tests.nemesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of cut links between nodes, named after its shape. Links not listed work. The shapes:
 * <ul>
 *   <li>isolated: one node cut off from every other;
 *   <li>majority/minority: the nodes split in two halves, the smaller one (a minority) on its own;
 *   <li>bridge: two sides that cannot talk to each other, and one node that talks to both (with
 *       three nodes: A-B-C, A and C cut apart). Raft survives it, but a leader on one side and a
 *       majority through the bridge is where lease and leader-stickiness bugs show.
 * </ul>
 */
public record Partition(String name, Set<Link> cut) {

  public Partition {
    // Sorted, so the same partition always prints (and installs) the same way.
    TreeSet<Link> sorted = new TreeSet<>(Comparator.comparing(Link::a).thenComparing(Link::b));
    sorted.addAll(cut);
    cut = Collections.unmodifiableSet(sorted);
  }

  public static Partition isolated(String node, List<String> nodes) {
    return new Partition("isolate " + node, between(List.of(node), others(nodes, List.of(node))));
  }

  public static Partition majorityMinority(List<String> nodes, Random random) {
    List<String> shuffled = shuffled(nodes, random);
    List<String> minority = shuffled.subList(0, (nodes.size() - 1) / 2);
    List<String> majority = shuffled.subList(minority.size(), shuffled.size());
    return new Partition("minority " + minority + " | majority " + majority, between(minority, majority));
  }

  public static Partition bridge(List<String> nodes, Random random) {
    List<String> shuffled = shuffled(nodes, random);
    String bridge = shuffled.get(0);
    List<String> rest = shuffled.subList(1, shuffled.size());
    List<String> left = rest.subList(0, rest.size() / 2);
    List<String> right = rest.subList(rest.size() / 2, rest.size());
    return new Partition("bridge " + left + " - " + bridge + " - " + right, between(left, right));
  }

  private static Set<Link> between(List<String> side, List<String> otherSide) {
    Set<Link> links = new LinkedHashSet<>();
    for (String a : side) {
      for (String b : otherSide) {
        links.add(Link.of(a, b));
      }
    }
    return links;
  }

  private static List<String> others(List<String> nodes, List<String> excluded) {
    return nodes.stream().filter(n -> !excluded.contains(n)).toList();
  }

  private static List<String> shuffled(List<String> nodes, Random random) {
    List<String> copy = new ArrayList<>(nodes);
    Collections.shuffle(copy, random);
    return copy;
  }

  @Override
  public String toString() {
    return name + " (cut " + cut + ")";
  }
}
