package io.slotraft.node.keyspace;

import static io.slotraft.node.keyspace.ZSetNodes.NONE;

import java.util.Arrays;

/**
 * The order of a sorted set: a weight-balanced binary tree over the nodes of a {@link ZSetNodes},
 * ordered by (score, member bytes unsigned), each node knowing its subtree's size. Sizes give rank
 * and select in O(log n), and the same sizes keep the tree balanced, so balance costs no field.
 *
 * <p>Balance is Adams' weight balance with the parameters (delta 3, gamma 2) that Hirai and
 * Yamamoto proved correct for one-element insertion and deletion: with weight = size + 1, neither
 * child of a node weighs more than three times the other, so the height stays below about
 * 2.4 log2(n) whatever the order of operations (a treap or a skip list would leave that to chance,
 * or to whoever chooses the members). Recursion depth is bounded by that height.
 *
 * <p>Scores compare as numbers, so -0.0 equals 0.0 (the caller never stores -0.0 anyway) and ties
 * go to the member bytes, unsigned, a shorter prefix first: the order Redis gives its members.
 */
final class RankTree {
  private static final int DELTA = 3;
  private static final int GAMMA = 2;

  private final ZSetNodes nodes;
  private int root = NONE;
  /** The node {@link #removeMin} took out; a field because Java has no second return value. */
  private int detached = NONE;

  RankTree(ZSetNodes nodes) {
    this.nodes = nodes;
  }

  RankTree(ZSetNodes nodes, int root) {
    this.nodes = nodes;
    this.root = root;
  }

  int root() {
    return root;
  }

  /** Links node {@code id}, which is not in the tree (new, or just removed to change its score). */
  void insert(int id) {
    nodes.setLeft(id, NONE);
    nodes.setRight(id, NONE);
    nodes.setSize(id, 1);
    root = insert(root, id);
  }

  /** Unlinks node {@code id}; its score and member must be what they were when it was inserted. */
  void remove(int id) {
    root = remove(root, nodes.score(id), nodes.member(id));
  }

  /**
   * Makes whatever links to node {@code from} link to {@code to} instead, before the nodes move
   * it there. {@code from} is found by its own key, which the move does not change.
   */
  void repoint(int from, int to) {
    if (root == from) {
      root = to;
      return;
    }
    double score = nodes.score(from);
    byte[] member = nodes.member(from);
    int t = root;
    while (true) {
      if (compare(score, member, t) < 0) {
        if (nodes.left(t) == from) {
          nodes.setLeft(t, to);
          return;
        }
        t = nodes.left(t);
      } else {
        if (nodes.right(t) == from) {
          nodes.setRight(t, to);
          return;
        }
        t = nodes.right(t);
      }
    }
  }

  /** The 0-based position of the element (score, member), or -1 when it is not in the tree. */
  int rank(double score, byte[] member) {
    int t = root;
    int before = 0;
    while (t != NONE) {
      int c = compare(score, member, t);
      if (c < 0) {
        t = nodes.left(t);
      } else {
        int leftSize = nodes.size(nodes.left(t));
        if (c == 0) {
          return before + leftSize;
        }
        before += leftSize + 1;
        t = nodes.right(t);
      }
    }
    return -1;
  }

  /** The node at 0-based position {@code rank}, which must be below the size. */
  int select(int rank) {
    int t = root;
    while (true) {
      int leftSize = nodes.size(nodes.left(t));
      if (rank < leftSize) {
        t = nodes.left(t);
      } else if (rank == leftSize) {
        return t;
      } else {
        rank -= leftSize + 1;
        t = nodes.right(t);
      }
    }
  }

  /** How many elements score below {@code score}, or at most {@code score} when {@code orEqual}. */
  int countBelow(double score, boolean orEqual) {
    int t = root;
    int count = 0;
    while (t != NONE) {
      double here = nodes.score(t);
      if (here < score || (orEqual && here == score)) {
        count += nodes.size(nodes.left(t)) + 1;
        t = nodes.right(t);
      } else {
        t = nodes.left(t);
      }
    }
    return count;
  }

  /**
   * Visits the nodes at positions {@code from} (inclusive) to {@code to} (exclusive), in order, or
   * in reverse order when {@code reverse}. O(log n + visited) without allocating.
   */
  void visit(int from, int to, boolean reverse, NodeVisitor visitor) {
    if (from < to) {
      visit(root, 0, from, to, reverse, visitor);
    }
  }

  /** Receives node ids. */
  interface NodeVisitor {
    void accept(int id);
  }

  /**
   * Links nodes whose ids are given in ascending order into a perfectly balanced tree, which is
   * also weight-balanced. O(n): what snapshot loading and set algebra use instead of n inserts.
   */
  void build(int[] sortedIds) {
    root = build(sortedIds, 0, sortedIds.length);
  }

  int compare(double score, byte[] member, int id) {
    double other = nodes.score(id);
    if (score < other) {
      return -1;
    }
    if (score > other) {
      return 1;
    }
    return Arrays.compareUnsigned(member, nodes.member(id));
  }

  /** Checks sizes, weight balance and order of the whole tree; answers its height. For tests. */
  int checkInvariants() {
    return check(root);
  }

  private int check(int t) {
    if (t == NONE) {
      return 0;
    }
    int l = nodes.left(t);
    int r = nodes.right(t);
    if (nodes.size(t) != nodes.size(l) + nodes.size(r) + 1) {
      throw new IllegalStateException("wrong size at node " + t);
    }
    if (DELTA * weight(l) < weight(r) || DELTA * weight(r) < weight(l)) {
      throw new IllegalStateException("unbalanced at node " + t);
    }
    if ((l != NONE && compare(nodes.score(l), nodes.member(l), t) >= 0)
        || (r != NONE && compare(nodes.score(r), nodes.member(r), t) <= 0)) {
      throw new IllegalStateException("out of order at node " + t);
    }
    return 1 + Math.max(check(l), check(r));
  }

  private void visit(int t, int offset, int from, int to, boolean reverse, NodeVisitor visitor) {
    if (t == NONE) {
      return;
    }
    int here = offset + nodes.size(nodes.left(t));
    boolean wantLeft = from < here;
    boolean wantRight = to > here + 1;
    if (reverse && wantRight) {
      visit(nodes.right(t), here + 1, from, to, true, visitor);
    }
    if (!reverse && wantLeft) {
      visit(nodes.left(t), offset, from, to, false, visitor);
    }
    if (here >= from && here < to) {
      visitor.accept(t);
    }
    if (!reverse && wantRight) {
      visit(nodes.right(t), here + 1, from, to, false, visitor);
    }
    if (reverse && wantLeft) {
      visit(nodes.left(t), offset, from, to, true, visitor);
    }
  }

  private int build(int[] ids, int from, int to) {
    if (from >= to) {
      return NONE;
    }
    int middle = (from + to) >>> 1;
    int t = ids[middle];
    nodes.setLeft(t, build(ids, from, middle));
    nodes.setRight(t, build(ids, middle + 1, to));
    nodes.setSize(t, to - from);
    return t;
  }

  private int insert(int t, int id) {
    if (t == NONE) {
      return id;
    }
    if (compare(nodes.score(id), nodes.member(id), t) < 0) {
      nodes.setLeft(t, insert(nodes.left(t), id));
    } else {
      nodes.setRight(t, insert(nodes.right(t), id));
    }
    return balance(t);
  }

  private int remove(int t, double score, byte[] member) {
    int c = compare(score, member, t);
    if (c < 0) {
      nodes.setLeft(t, remove(nodes.left(t), score, member));
    } else if (c > 0) {
      nodes.setRight(t, remove(nodes.right(t), score, member));
    } else {
      return join(nodes.left(t), nodes.right(t));
    }
    return balance(t);
  }

  /** Joins two balanced subtrees, every element of {@code l} below every one of {@code r}. */
  private int join(int l, int r) {
    if (l == NONE) {
      return r;
    }
    if (r == NONE) {
      return l;
    }
    // Take the new root from the heavier side, so that one rebalancing step is enough.
    if (nodes.size(l) > nodes.size(r)) {
      int rest = removeMax(l);
      int top = detached;
      nodes.setLeft(top, rest);
      nodes.setRight(top, r);
      return balance(top);
    }
    int rest = removeMin(r);
    int top = detached;
    nodes.setLeft(top, l);
    nodes.setRight(top, rest);
    return balance(top);
  }

  private int removeMin(int t) {
    if (nodes.left(t) == NONE) {
      detached = t;
      return nodes.right(t);
    }
    nodes.setLeft(t, removeMin(nodes.left(t)));
    return balance(t);
  }

  private int removeMax(int t) {
    if (nodes.right(t) == NONE) {
      detached = t;
      return nodes.left(t);
    }
    nodes.setRight(t, removeMax(nodes.right(t)));
    return balance(t);
  }

  /** Restores the weight invariant at {@code t} after one of its subtrees changed by one element. */
  private int balance(int t) {
    int l = nodes.left(t);
    int r = nodes.right(t);
    if (DELTA * weight(l) < weight(r)) {
      if (weight(nodes.left(r)) >= GAMMA * weight(nodes.right(r))) {
        nodes.setRight(t, rotateRight(r));
      }
      return rotateLeft(t);
    }
    if (DELTA * weight(r) < weight(l)) {
      if (weight(nodes.right(l)) >= GAMMA * weight(nodes.left(l))) {
        nodes.setLeft(t, rotateLeft(l));
      }
      return rotateRight(t);
    }
    resize(t);
    return t;
  }

  private int rotateLeft(int t) {
    int r = nodes.right(t);
    nodes.setRight(t, nodes.left(r));
    nodes.setLeft(r, t);
    resize(t);
    resize(r);
    return r;
  }

  private int rotateRight(int t) {
    int l = nodes.left(t);
    nodes.setLeft(t, nodes.right(l));
    nodes.setRight(l, t);
    resize(t);
    resize(l);
    return l;
  }

  private void resize(int t) {
    nodes.setSize(t, nodes.size(nodes.left(t)) + nodes.size(nodes.right(t)) + 1);
  }

  private int weight(int t) {
    return nodes.size(t) + 1;
  }
}
