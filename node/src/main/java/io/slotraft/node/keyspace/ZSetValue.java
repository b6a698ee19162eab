package io.slotraft.node.keyspace;

import static io.slotraft.node.keyspace.ZSetNodes.NONE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Redis sorted set: unique members (byte arrays, never modified once stored), each with a score,
 * ordered by (score, member bytes unsigned). Finding a member is O(1) ({@link MemberTable}); rank,
 * select, score bounds and changes are O(log n) ({@link RankTree}); both index one dense array
 * store of the elements ({@link ZSetNodes}).
 *
 * <p>Scores are never NaN. -0.0 is kept as given and ranks as 0.0 does (ties go to the member);
 * whether to store it is the commands' call. An absent member's score reads as NaN, which is
 * never a real score, so that lookups allocate nothing. Positions ("ranks") are 0-based, lowest
 * first.
 *
 * <p>Change it only through {@link ExecutionContext#forUpdate} (copy-on-write for snapshots). A
 * set that becomes empty must be deleted by the caller, as Redis never keeps an empty one.
 */
public final class ZSetValue extends MutableValue {
  /** A member and its score, as a visitor receives them. */
  @FunctionalInterface
  public interface ElementVisitor {
    void accept(byte[] member, double score);
  }

  private final ZSetNodes nodes;
  private final MemberTable table;
  private final RankTree tree;

  public ZSetValue() {
    this(new ZSetNodes(0));
  }

  private ZSetValue(ZSetNodes nodes) {
    this(nodes, new MemberTable(nodes, 0), new RankTree(nodes));
  }

  private ZSetValue(ZSetNodes nodes, MemberTable table, RankTree tree) {
    this.nodes = nodes;
    this.table = table;
    this.tree = tree;
  }

  /** Collects elements without ordering them, then orders them all at once: for bulk results. */
  public static Builder builder(int expected) {
    return new Builder(expected);
  }

  @Override
  public String typeName() {
    return "zset";
  }

  @Override
  public long approximateBytes() {
    return 64 + nodes.heapBytes() + table.heapBytes();
  }

  @Override
  protected ZSetValue copy() {
    ZSetNodes copied = nodes.copy();
    return new ZSetValue(copied, table.copyFor(copied), new RankTree(copied, tree.root()));
  }

  @Override
  public int size() {
    return nodes.count();
  }

  /** The member's score, or NaN when it is not a member. */
  public double score(byte[] member) {
    int id = table.find(member, MemberTable.hash(member));
    return id == NONE ? Double.NaN : nodes.score(id);
  }

  /** Adds the member or changes its score; answers true when the member is new. */
  public boolean put(byte[] member, double score) {
    checkNotNaN(score);
    int hash = MemberTable.hash(member);
    int id = table.find(member, hash);
    if (id == NONE) {
      id = nodes.add(member, score, hash);
      table.add(id);
      tree.insert(id);
      return true;
    }
    if (Double.doubleToRawLongBits(nodes.score(id)) != Double.doubleToRawLongBits(score)) {
      tree.remove(id);
      nodes.setScore(id, score);
      tree.insert(id);
    }
    return false;
  }

  /** Removes the member; answers whether it was one. */
  public boolean remove(byte[] member) {
    int id = table.find(member, MemberTable.hash(member));
    if (id == NONE) {
      return false;
    }
    tree.remove(id);
    table.remove(id);
    int last = nodes.count() - 1;
    if (id != last) {
      // The last node moves into the freed id: re-point the tree and the table first.
      tree.repoint(last, id);
      table.relabel(last, id);
    }
    nodes.moveLast(id);
    table.shrinkIfSparse();
    return true;
  }

  /** The member's 0-based position, lowest score first, or -1 when it is not a member. */
  public int rank(byte[] member) {
    int id = table.find(member, MemberTable.hash(member));
    return id == NONE ? -1 : tree.rank(nodes.score(id), member);
  }

  public byte[] memberAt(int rank) {
    return nodes.member(tree.select(checkRank(rank)));
  }

  public double scoreAt(int rank) {
    return nodes.score(tree.select(checkRank(rank)));
  }

  /** How many members score below {@code score}, or at most {@code score} when {@code orEqual}. */
  public int countBelow(double score, boolean orEqual) {
    return tree.countBelow(score, orEqual);
  }

  /**
   * How many members sort below {@code member} bytewise (at most equal to it when
   * {@code orEqual}), assuming that, as the lex range commands require, every score is the same.
   * With mixed scores the answer is still deterministic: a binary search over positions, which
   * depends on the order of the elements only, never on the shape of the tree (a replica that
   * loaded a snapshot has a differently shaped tree and must answer the same).
   */
  public int countMembersBelow(byte[] member, boolean orEqual) {
    int low = 0;
    int high = size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      int c = Arrays.compareUnsigned(memberAt(middle), member);
      if (c < 0 || (orEqual && c == 0)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** Visits positions [from, to), or the same range highest first when {@code reverse}. */
  public void forEach(int from, int to, boolean reverse, ElementVisitor visitor) {
    tree.visit(Math.max(0, from), Math.min(size(), to), reverse, id -> visitor.accept(nodes.member(id), nodes.score(id)));
  }

  /** Removes positions [from, to); answers how many went. */
  public int removeRange(int from, int to) {
    int start = Math.max(0, from);
    int end = Math.min(size(), to);
    if (start >= end) {
      return 0;
    }
    if (2L * (end - start) > size()) {
      keepOutside(start, end);
      return end - start;
    }
    // Collected first: removal moves nodes between ids, which would disturb a walk in progress.
    List<byte[]> doomed = new ArrayList<>(end - start);
    forEach(start, end, false, (member, score) -> doomed.add(member));
    for (byte[] member : doomed) {
      remove(member);
    }
    return end - start;
  }

  /**
   * One ZSCAN step: visits the members whose hash lies between {@code cursor} and the cursor
   * answered (0 when the scan is complete), about {@code count} of them. A member present for the
   * whole scan is visited exactly once, however the set grows or shrinks between steps.
   */
  public long scan(long cursor, long count, ElementVisitor visitor) {
    return table.scan(cursor, count, id -> visitor.accept(nodes.member(id), nodes.score(id)));
  }

  /** Checks the tree's invariants and that it holds every node; answers its height. For tests. */
  int checkInvariants() {
    if (nodes.size(tree.root()) != nodes.count()) {
      throw new IllegalStateException("tree holds " + nodes.size(tree.root()) + " of " + nodes.count() + " nodes");
    }
    for (int id = 0; id < nodes.count(); id++) {
      if (table.find(nodes.member(id), nodes.hash(id)) != id) {
        throw new IllegalStateException("table lost node " + id);
      }
    }
    return tree.checkInvariants();
  }

  /**
   * Keeps only the positions outside [start, end), rebuilt in one go: when most elements go, that
   * is linear, where removing them one by one would cost a tree deletion each.
   */
  private void keepOutside(int start, int end) {
    int kept = size() - (end - start);
    byte[][] members = new byte[kept][];
    double[] scores = new double[kept];
    int[] next = {0};
    ElementVisitor keep = (member, score) -> {
      members[next[0]] = member;
      scores[next[0]++] = score;
    };
    forEach(0, start, false, keep);
    forEach(end, size(), false, keep);
    nodes.clear(kept);
    table.clear(kept);
    int[] ids = new int[kept];
    for (int i = 0; i < kept; i++) {
      ids[i] = nodes.add(members[i], scores[i], MemberTable.hash(members[i]));
      table.add(ids[i]);
    }
    tree.build(ids);
  }

  private int checkRank(int rank) {
    if (rank < 0 || rank >= size()) {
      throw new IndexOutOfBoundsException("rank " + rank + " of " + size());
    }
    return rank;
  }

  private static void checkNotNaN(double score) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("a sorted set score cannot be NaN");
    }
  }

  /**
   * Elements gathered in any order, last score for a member winning, then ordered in one go by
   * {@link #build}: O(n log n) with a presorted input detected in O(n), instead of n tree inserts.
   */
  public static final class Builder {
    private final ZSetNodes nodes;
    private final MemberTable table;

    private Builder(int expected) {
      nodes = new ZSetNodes(expected);
      table = new MemberTable(nodes, expected);
    }

    public int size() {
      return nodes.count();
    }

    /** The member's score so far, or NaN. */
    public double score(byte[] member) {
      int id = table.find(member, MemberTable.hash(member));
      return id == NONE ? Double.NaN : nodes.score(id);
    }

    public void put(byte[] member, double score) {
      checkNotNaN(score);
      int hash = MemberTable.hash(member);
      int id = table.find(member, hash);
      if (id == NONE) {
        table.add(nodes.add(member, score, hash));
      } else {
        nodes.setScore(id, score);
      }
    }

    /** The finished set; the builder must not be used afterwards. */
    public ZSetValue build() {
      RankTree tree = new RankTree(nodes);
      tree.build(NodeSort.sortedIds(nodes, tree));
      return new ZSetValue(nodes, table, tree);
    }
  }
}
