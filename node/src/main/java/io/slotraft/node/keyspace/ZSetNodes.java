package io.slotraft.node.keyspace;

import java.util.Arrays;

/**
 * The elements of one sorted set in parallel arrays indexed by a dense node id (0 to count - 1):
 * member, score, and four ints per node (left child, right child, subtree size, member hash) for
 * {@link RankTree} and {@link MemberTable}.
 *
 * <p>Parallel primitive arrays instead of one object per element: a node costs 28 bytes plus its
 * member's array, where an object with the same fields would add a 12-byte header, padding and a
 * reference. Ids stay dense because a removal moves the last node into the freed id ({@link
 * #moveLast}); whoever points at nodes (the tree and the table) is told to re-point.
 */
final class ZSetNodes {
  static final int NONE = -1;
  private static final int STRIDE = 4;
  private static final int LEFT = 0;
  private static final int RIGHT = 1;
  private static final int SIZE = 2;
  private static final int HASH = 3;
  private static final int MIN_CAPACITY = 4;
  /** Heap bytes of a byte[] header (12 with compressed class pointers, plus the length). */
  private static final int ARRAY_HEADER = 16;

  private byte[][] members;
  private double[] scores;
  private int[] links;
  private int count;
  /** Heap bytes of the member arrays, kept up to date so that INFO need not walk them. */
  private long memberBytes;

  ZSetNodes(int capacity) {
    int initial = Math.max(MIN_CAPACITY, capacity);
    members = new byte[initial][];
    scores = new double[initial];
    links = new int[initial * STRIDE];
  }

  private ZSetNodes(ZSetNodes other) {
    members = Arrays.copyOf(other.members, other.count + MIN_CAPACITY);
    scores = Arrays.copyOf(other.scores, members.length);
    links = Arrays.copyOf(other.links, members.length * STRIDE);
    count = other.count;
    memberBytes = other.memberBytes;
  }

  ZSetNodes copy() {
    return new ZSetNodes(this);
  }

  int count() {
    return count;
  }

  /** A new node with no children, a subtree size of one; answers its id. */
  int add(byte[] member, double score, int hash) {
    if (count == members.length) {
      resize(count + (count >> 1) + 1);
    }
    int id = count++;
    members[id] = member;
    scores[id] = score;
    int base = id * STRIDE;
    links[base + LEFT] = NONE;
    links[base + RIGHT] = NONE;
    links[base + SIZE] = 1;
    links[base + HASH] = hash;
    memberBytes += arrayBytes(member);
    return id;
  }

  /**
   * Frees node {@code id} by moving the last node into it; the caller has already unlinked
   * {@code id} and re-pointed references to the last node. Answers the id that was moved.
   */
  int moveLast(int id) {
    int last = --count;
    memberBytes -= arrayBytes(members[id]);
    if (id != last) {
      members[id] = members[last];
      scores[id] = scores[last];
      System.arraycopy(links, last * STRIDE, links, id * STRIDE, STRIDE);
    }
    members[last] = null;
    // Shrinking by half when a quarter full keeps a grow-shrink-grow cycle from copying every time.
    if (members.length > MIN_CAPACITY * 4 && count < members.length / 4) {
      resize(members.length / 2);
    }
    return last;
  }

  /** Forgets every node, keeping room for {@code capacity} new ones. */
  void clear(int capacity) {
    int room = Math.max(MIN_CAPACITY, capacity);
    members = new byte[room][];
    scores = new double[room];
    links = new int[room * STRIDE];
    count = 0;
    memberBytes = 0;
  }

  byte[] member(int id) {
    return members[id];
  }

  double score(int id) {
    return scores[id];
  }

  void setScore(int id, double score) {
    scores[id] = score;
  }

  int left(int id) {
    return links[id * STRIDE + LEFT];
  }

  int right(int id) {
    return links[id * STRIDE + RIGHT];
  }

  void setLeft(int id, int child) {
    links[id * STRIDE + LEFT] = child;
  }

  void setRight(int id, int child) {
    links[id * STRIDE + RIGHT] = child;
  }

  /** Number of nodes in the subtree rooted at {@code id}; 0 for {@link #NONE}. */
  int size(int id) {
    return id == NONE ? 0 : links[id * STRIDE + SIZE];
  }

  void setSize(int id, int size) {
    links[id * STRIDE + SIZE] = size;
  }

  int hash(int id) {
    return links[id * STRIDE + HASH];
  }

  long heapBytes() {
    long arrays = 3L * ARRAY_HEADER + 4L * members.length + 8L * scores.length + 4L * links.length;
    return arrays + memberBytes;
  }

  private void resize(int capacity) {
    members = Arrays.copyOf(members, capacity);
    scores = Arrays.copyOf(scores, capacity);
    links = Arrays.copyOf(links, capacity * STRIDE);
  }

  /** What a byte[] of this length occupies: header plus data, rounded up to 8 bytes. */
  private static long arrayBytes(byte[] member) {
    return (ARRAY_HEADER + member.length + 7L) & ~7L;
  }
}
