package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.command.ZSetOpRequest.Aggregate;
import io.slotraft.node.command.ZSetOpRequest.Form;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ZUNION, ZINTER, ZDIFF, their STORE forms, and ZINTERCARD. Scores are weighted and aggregated as
 * Redis does it, floating point order included: sources are taken smallest first (a stable sort,
 * as glibc's qsort is for these sizes), a weight times an infinite score that gives NaN counts as
 * 0, and so does a SUM of +inf and -inf.
 */
final class ZSetAlgebra {
  private static final ZSetValue EMPTY = new ZSetValue();

  private ZSetAlgebra() {}

  static Reply zunion(ExecutionContext ctx, CommandArgs args) {
    return answer(union(ZSetOpRequest.parse(ctx, args, 1, Form.READ), false));
  }

  static Reply zinter(ExecutionContext ctx, CommandArgs args) {
    return answer(inter(ZSetOpRequest.parse(ctx, args, 1, Form.READ), false));
  }

  static Reply zdiff(ExecutionContext ctx, CommandArgs args) {
    return answer(diff(ZSetOpRequest.parse(ctx, args, 1, Form.DIFF_READ)));
  }

  static Reply zunionstore(ExecutionContext ctx, CommandArgs args) {
    return ZSets.store(ctx, args.bytes(1), union(ZSetOpRequest.parse(ctx, args, 2, Form.STORE), true).result);
  }

  static Reply zinterstore(ExecutionContext ctx, CommandArgs args) {
    return ZSets.store(ctx, args.bytes(1), inter(ZSetOpRequest.parse(ctx, args, 2, Form.STORE), true).result);
  }

  static Reply zdiffstore(ExecutionContext ctx, CommandArgs args) {
    return ZSets.store(ctx, args.bytes(1), diff(ZSetOpRequest.parse(ctx, args, 2, Form.DIFF_STORE)).result);
  }

  /** ZINTERCARD numkeys key [key ...] [LIMIT limit]: stops counting at the limit, if one is given. */
  static Reply zintercard(ExecutionContext ctx, CommandArgs args) {
    ZSetOpRequest request = ZSetOpRequest.parse(ctx, args, 1, Form.CARD);
    List<ZSetValue> order = smallestFirst(request);
    if (order.get(0).size() == 0) {
      return Replies.ZERO;
    }
    long[] count = {0};
    order.get(0).forEach(0, order.get(0).size(), false, (member, score) -> {
      if ((request.limit() == 0 || count[0] < request.limit()) && inAllOthers(member, order)) {
        count[0]++;
      }
    });
    return Replies.integer(count[0]);
  }

  /** A computed set and whether the caller asked for scores. */
  private record Outcome(ZSetValue result, boolean withScores) {}

  private static Reply answer(Outcome outcome) {
    return ZSets.elements(outcome.result, 0, outcome.result.size(), false, outcome.withScores);
  }

  /** @param stored whether the result is to be stored, which turns -0 into 0 ({@link ZSets#storedScore}) */
  private static Outcome union(ZSetOpRequest request, boolean stored) {
    ZSetValue.Builder result = ZSetValue.builder(0);
    for (int source : smallestFirstIndexes(request)) {
      double weight = request.weights()[source];
      ZSetValue zset = orEmpty(request.sources().get(source));
      zset.forEach(0, zset.size(), false, (member, score) -> {
        double value = weighted(weight, score);
        double sofar = result.score(member);
        double total = Double.isNaN(sofar) ? value : aggregate(request.aggregate(), sofar, value);
        result.put(member, stored ? ZSets.storedScore(total) : total);
      });
    }
    return new Outcome(result.build(), request.withScores());
  }

  /**
   * Walks the smallest set and looks its members up in the others. Only the smallest set's
   * weighted score has NaN (0 * inf) taken as 0; the others' are aggregated as they are, which
   * MIN and MAX then ignore and SUM turns into 0, as in Redis.
   */
  private static Outcome inter(ZSetOpRequest request, boolean stored) {
    List<Integer> order = smallestFirstIndexes(request);
    ZSetValue.Builder result = ZSetValue.builder(0);
    ZSetValue smallest = orEmpty(request.sources().get(order.get(0)));
    smallest.forEach(0, smallest.size(), false, (member, score) -> {
      double value = weighted(request.weights()[order.get(0)], score);
      for (int i = 1; i < order.size(); i++) {
        double other = orEmpty(request.sources().get(order.get(i))).score(member);
        if (Double.isNaN(other)) {
          return;
        }
        value = aggregate(request.aggregate(), value, request.weights()[order.get(i)] * other);
      }
      result.put(member, stored ? ZSets.storedScore(value) : value);
    });
    return new Outcome(result.build(), request.withScores());
  }

  /** The first set's members that no other set has, with their scores in the first set. */
  private static Outcome diff(ZSetOpRequest request) {
    ZSetValue.Builder result = ZSetValue.builder(0);
    ZSetValue first = orEmpty(request.sources().get(0));
    List<ZSetValue> others = request.sources().subList(1, request.sources().size());
    first.forEach(0, first.size(), false, (member, score) -> {
      for (ZSetValue other : others) {
        if (other != null && !Double.isNaN(other.score(member))) {
          return;
        }
      }
      result.put(member, score);
    });
    return new Outcome(result.build(), request.withScores());
  }

  private static boolean inAllOthers(byte[] member, List<ZSetValue> order) {
    for (int i = 1; i < order.size(); i++) {
      if (Double.isNaN(order.get(i).score(member))) {
        return false;
      }
    }
    return true;
  }

  private static List<ZSetValue> smallestFirst(ZSetOpRequest request) {
    List<ZSetValue> sets = new ArrayList<>();
    for (int source : smallestFirstIndexes(request)) {
      sets.add(orEmpty(request.sources().get(source)));
    }
    return sets;
  }

  /** Source positions by size, ties in argument order (List.sort is stable). */
  private static List<Integer> smallestFirstIndexes(ZSetOpRequest request) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < request.sources().size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> orEmpty(request.sources().get(i)).size()));
    return order;
  }

  private static ZSetValue orEmpty(ZSetValue zset) {
    return zset == null ? EMPTY : zset;
  }

  /** weight * score, with 0 * inf (NaN) counted as 0. */
  private static double weighted(double weight, double score) {
    double value = weight * score;
    return Double.isNaN(value) ? 0 : value;
  }

  private static double aggregate(Aggregate aggregate, double sofar, double value) {
    switch (aggregate) {
      case MIN:
        return value < sofar ? value : sofar;
      case MAX:
        return value > sofar ? value : sofar;
      default:
        double sum = sofar + value;
        // +inf plus -inf is NaN; Redis takes it as 0.
        return Double.isNaN(sum) ? 0 : sum;
    }
  }
}
