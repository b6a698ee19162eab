package io.slotraft.node.command;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.RedisNumbers;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One parsed ZUNION/ZINTER/ZDIFF[STORE]/ZINTERCARD call, read in Redis's order: numkeys, the keys
 * (looked up and type-checked, so WRONGTYPE wins over a bad option after them), then the options.
 *
 * @param sources the sets in argument order (a plain set as one scored 1 throughout); null for an absent key
 * @param weights one per source, 1 unless WEIGHTS said otherwise
 * @param limit ZINTERCARD's LIMIT, 0 for none
 */
record ZSetOpRequest(List<ZSetValue> sources, double[] weights, Aggregate aggregate, boolean withScores,
    long limit) {
  static final Reply WEIGHT_NOT_FLOAT = Replies.error("ERR weight value is not a float");
  static final Reply LIMIT_NEGATIVE = Replies.error("ERR LIMIT can't be negative");

  enum Aggregate { SUM, MIN, MAX }

  /** Which options a command takes: ZUNION and ZINTER all, the STORE forms no WITHSCORES, and so on. */
  enum Form {
    /** ZUNION, ZINTER: WEIGHTS, AGGREGATE, WITHSCORES. */
    READ,
    /** ZUNIONSTORE, ZINTERSTORE: WEIGHTS, AGGREGATE. */
    STORE,
    /** ZDIFF: WITHSCORES. */
    DIFF_READ,
    /** ZDIFFSTORE: nothing. */
    DIFF_STORE,
    /** ZINTERCARD: LIMIT. */
    CARD;

    boolean weighs() {
      return this == READ || this == STORE;
    }

    boolean answersScores() {
      return this == READ || this == DIFF_READ;
    }
  }

  /**
   * The source keys after numkeys: all Redis checks before it looks any source up (its WEIGHTS
   * and AGGREGATE errors come after a WRONGTYPE source), so this is the argument check too.
   */
  static List<byte[]> sourceKeys(CommandArgs args, int numKeysIndex) {
    long numKeys = args.longArg(numKeysIndex);
    if (numKeys < 1) {
      throw new CommandException(
          Replies.error("ERR at least 1 input key is needed for '" + args.name() + "' command"));
    }
    if (numKeys > args.argc() - numKeysIndex - 1) {
      throw new CommandException(ErrorReplies.SYNTAX);
    }
    return args.argv().subList(numKeysIndex + 1, numKeysIndex + 1 + (int) numKeys);
  }

  /** Parses from the numkeys argument at {@code numKeysIndex}: the keys, the sources (looked up in order), then the options. */
  static ZSetOpRequest parse(ExecutionContext ctx, CommandArgs args, int numKeysIndex, Form form) {
    List<byte[]> keys = sourceKeys(args, numKeysIndex);
    List<byte[]> slotKeys = new ArrayList<>(keys);
    if (numKeysIndex == 2) {
      slotKeys.add(args.bytes(1));
    }
    ZSets.checkOneSlot(slotKeys);
    List<ZSetValue> sources = new ArrayList<>(keys.size());
    for (byte[] key : keys) {
      sources.add(ZSets.findSource(ctx, key));
    }
    return withOptions(args, numKeysIndex + 1 + keys.size(), form, sources);
  }

  private static ZSetOpRequest withOptions(CommandArgs args, int from, Form form, List<ZSetValue> sources) {
    double[] weights = new double[sources.size()];
    Arrays.fill(weights, 1);
    Aggregate aggregate = Aggregate.SUM;
    boolean withScores = false;
    long limit = 0;
    int i = from;
    while (i < args.argc()) {
      int remaining = args.argc() - i;
      if (form.weighs() && remaining > sources.size() && args.is(i, "WEIGHTS")) {
        for (int w = 0; w < weights.length; w++) {
          weights[w] = weight(args.bytes(i + 1 + w));
        }
        i += 1 + weights.length;
      } else if (form.weighs() && remaining >= 2 && args.is(i, "AGGREGATE")) {
        aggregate = aggregate(args, i + 1);
        i += 2;
      } else if (form.answersScores() && args.is(i, "WITHSCORES")) {
        withScores = true;
        i++;
      } else if (form == Form.CARD && remaining >= 2 && args.is(i, "LIMIT")) {
        limit = ZPopCommands.atLeast(args.bytes(i + 1), 0, LIMIT_NEGATIVE);
        i += 2;
      } else {
        throw new CommandException(ErrorReplies.SYNTAX);
      }
    }
    return new ZSetOpRequest(sources, weights, aggregate, withScores, limit);
  }

  private static double weight(byte[] text) {
    Double weight = RedisNumbers.parseDouble(text);
    if (weight == null) {
      throw new CommandException(WEIGHT_NOT_FLOAT);
    }
    return weight;
  }

  private static Aggregate aggregate(CommandArgs args, int index) {
    switch (args.upper(index)) {
      case "SUM":
        return Aggregate.SUM;
      case "MIN":
        return Aggregate.MIN;
      case "MAX":
        return Aggregate.MAX;
      default:
        throw new CommandException(ErrorReplies.SYNTAX);
    }
  }
}
