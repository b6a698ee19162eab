package io.slotraft.node.keyspace;

/**
 * Orders node ids by (score, member) for {@link RankTree#build}: a merge sort on primitive ints,
 * because sorting boxed Integers with a comparator would allocate an object per element. Input that
 * is already in order (a snapshot being loaded) is recognised in one pass and not sorted again.
 */
final class NodeSort {
  private NodeSort() {}

  static int[] sortedIds(ZSetNodes nodes, RankTree order) {
    int[] ids = new int[nodes.count()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }
    if (!inOrder(ids, nodes, order)) {
      mergeSort(ids, ids.clone(), 0, ids.length, nodes, order);
    }
    return ids;
  }

  private static boolean inOrder(int[] ids, ZSetNodes nodes, RankTree order) {
    for (int i = 1; i < ids.length; i++) {
      if (less(ids[i], ids[i - 1], nodes, order)) {
        return false;
      }
    }
    return true;
  }

  /** Sorts {@code ids[from, to)}, using {@code spare} (a copy of the same range) as scratch space. */
  private static void mergeSort(int[] ids, int[] spare, int from, int to, ZSetNodes nodes, RankTree order) {
    if (to - from < 2) {
      return;
    }
    int middle = (from + to) >>> 1;
    // Sort each half of spare into place, then merge the halves back into ids.
    mergeSort(spare, ids, from, middle, nodes, order);
    mergeSort(spare, ids, middle, to, nodes, order);
    int left = from;
    int right = middle;
    for (int out = from; out < to; out++) {
      if (right >= to || (left < middle && !less(spare[right], spare[left], nodes, order))) {
        ids[out] = spare[left++];
      } else {
        ids[out] = spare[right++];
      }
    }
  }

  private static boolean less(int a, int b, ZSetNodes nodes, RankTree order) {
    return order.compare(nodes.score(a), nodes.member(a), b) < 0;
  }
}
