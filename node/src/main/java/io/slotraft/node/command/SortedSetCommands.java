package io.slotraft.node.command;

import static io.slotraft.node.catalog.CommandFlag.DENYOOM;
import static io.slotraft.node.catalog.CommandFlag.FAST;
import static io.slotraft.node.catalog.CommandFlag.READONLY;
import static io.slotraft.node.catalog.CommandFlag.WRITE;
import static io.slotraft.node.command.StringCommands.handler;

import io.slotraft.node.catalog.ArgumentCheck;
import io.slotraft.node.catalog.CommandCatalog;

/**
 * The catalog entries of Redis's "sorted-set" group, with Redis 7's arity, flags and key
 * positions (ZRANK and ZREVRANK with 7.2's WITHSCORE). BZPOPMIN, BZPOPMAX and BZMPOP are not
 * here: they wait, which is the node's business; they pop through {@link ZSetPops}.
 *
 * <p>Key positions are the legacy (first, last, step) triple, which cannot say "numkeys keys
 * from here". Where Redis declares 0 0 0 (ZUNION, ZINTER, ZDIFF, ZINTERCARD, ZMPOP) the first key,
 * argv[2], is declared instead, so that routing sends the command to that key's shard; the STORE
 * forms declare the destination and the first source key (1, 3, 2). Each also declares where its
 * numkeys is (keyCount), so routing sees every key and answers CROSSSLOT before proposing; the
 * handlers' {@link ZSets#checkOneSlot} stays as the apply path's second line.
 */
public final class SortedSetCommands {
  private SortedSetCommands() {}

  public static void register(CommandCatalog.Builder b) {
    registerWrites(b);
    registerReads(b);
    registerRanges(b);
    registerRemovals(b);
    registerAlgebra(b);
  }

  private static void registerWrites(CommandCatalog.Builder b) {
    entry(b, "zadd", -4, "1.2.0", "Add members with scores, or change their scores, with conditions.")
        .flags(WRITE, DENYOOM, FAST).arguments(ZAddOptions::parse).handler(handler(ZAddCommand::zadd));
    entry(b, "zincrby", 4, "1.2.0", "Add to a member's score, adding the member if absent.")
        .flags(WRITE, DENYOOM, FAST).arguments(ZAddOptions::incrBy).handler(handler(ZAddCommand::zincrby));
    entry(b, "zpopmin", -2, "5.0.0", "Remove and answer the members with the lowest scores.")
        .flags(WRITE, FAST).arguments(ZPopCommands::popCount).handler(handler(ZPopCommands::zpopmin));
    entry(b, "zpopmax", -2, "5.0.0", "Remove and answer the members with the highest scores.")
        .flags(WRITE, FAST).arguments(ZPopCommands::popCount).handler(handler(ZPopCommands::zpopmax));
    entry(b, "zmpop", -4, "7.0.0", "Remove and answer the lowest or highest members of the first non-empty set.")
        .flags(WRITE).keys(2, 2, 1).keyCount(1).arguments(args -> ZPopCommands.parseMpop(args, 1)).handler(handler(ZPopCommands::zmpop));
  }

  private static void registerReads(CommandCatalog.Builder b) {
    entry(b, "zcard", 2, "1.2.0", "Answer the number of members.").flags(READONLY, FAST)
        .handler(handler(ZSetReadCommands::zcard));
    entry(b, "zscore", 3, "1.2.0", "Answer a member's score.").flags(READONLY, FAST)
        .handler(handler(ZSetReadCommands::zscore));
    entry(b, "zmscore", -3, "6.2.0", "Answer the scores of several members.").flags(READONLY, FAST)
        .handler(handler(ZSetReadCommands::zmscore));
    entry(b, "zrank", -3, "2.0.0", "Answer a member's position, lowest score first.").flags(READONLY, FAST)
        .handler(handler(ZSetReadCommands::zrank));
    entry(b, "zrevrank", -3, "2.0.0", "Answer a member's position, highest score first.").flags(READONLY, FAST)
        .handler(handler(ZSetReadCommands::zrevrank));
    entry(b, "zcount", 4, "2.0.0", "Count the members with scores in a range.").flags(READONLY, FAST)
        .handler(handler(ZSetReadCommands::zcount));
    entry(b, "zlexcount", 4, "2.8.9", "Count the members in a range of member names.").flags(READONLY, FAST)
        .handler(handler(ZSetReadCommands::zlexcount));
    entry(b, "zrandmember", -2, "6.2.0", "Answer members chosen at random.").flags(READONLY)
        .handler(handler(ZRandMemberCommand::zrandmember));
    entry(b, "zscan", -3, "2.8.0", "Walk the members and scores a few at a time with a cursor.").flags(READONLY)
        .handler(handler(ZScanCommand::zscan));
  }

  private static void registerRanges(CommandCatalog.Builder b) {
    entry(b, "zrange", -4, "1.2.0", "Answer the members in a range of positions, scores or names.")
        .flags(READONLY).handler(handler(ZRangeCommand::zrange));
    entry(b, "zrangestore", -5, "6.2.0", "Store the members in a range of another set under a key.")
        .flags(WRITE, DENYOOM).keys(1, 2, 1).arguments(args -> ZRangeRequest.parse(args, 2, null, null, true)).handler(handler(ZRangeCommand::zrangestore));
    entry(b, "zrevrange", -4, "1.2.0", "Answer the members in a range of positions, highest first.")
        .flags(READONLY).handler(handler(ZRangeCommand::zrevrange));
    entry(b, "zrangebyscore", -4, "1.0.5", "Answer the members with scores in a range.")
        .flags(READONLY).handler(handler(ZRangeCommand::zrangebyscore));
    entry(b, "zrevrangebyscore", -4, "2.2.0", "Answer the members with scores in a range, highest first.")
        .flags(READONLY).handler(handler(ZRangeCommand::zrevrangebyscore));
    entry(b, "zrangebylex", -4, "2.8.9", "Answer the members in a range of names.")
        .flags(READONLY).handler(handler(ZRangeCommand::zrangebylex));
    entry(b, "zrevrangebylex", -4, "2.8.9", "Answer the members in a range of names, highest first.")
        .flags(READONLY).handler(handler(ZRangeCommand::zrevrangebylex));
  }

  private static void registerRemovals(CommandCatalog.Builder b) {
    entry(b, "zrem", -3, "1.2.0", "Remove members.").flags(WRITE, FAST).arguments(ArgumentCheck.NONE).handler(handler(ZRemoveCommands::zrem));
    entry(b, "zremrangebyrank", 4, "2.0.0", "Remove the members in a range of positions.").flags(WRITE)
        .arguments(ZRemoveCommands::rankSpan).handler(handler(ZRemoveCommands::zremrangebyrank));
    entry(b, "zremrangebyscore", 4, "1.2.0", "Remove the members with scores in a range.").flags(WRITE)
        .arguments(args -> ScoreRange.parse(args.bytes(2), args.bytes(3))).handler(handler(ZRemoveCommands::zremrangebyscore));
    entry(b, "zremrangebylex", 4, "2.8.9", "Remove the members in a range of names.").flags(WRITE)
        .arguments(args -> LexRange.parse(args.bytes(2), args.bytes(3))).handler(handler(ZRemoveCommands::zremrangebylex));
  }

  private static void registerAlgebra(CommandCatalog.Builder b) {
    entry(b, "zunion", -3, "6.2.0", "Answer the union of sets, scores aggregated.").flags(READONLY)
        .keys(2, 2, 1).keyCount(1).handler(handler(ZSetAlgebra::zunion));
    entry(b, "zinter", -3, "6.2.0", "Answer the intersection of sets, scores aggregated.").flags(READONLY)
        .keys(2, 2, 1).keyCount(1).handler(handler(ZSetAlgebra::zinter));
    entry(b, "zdiff", -3, "6.2.0", "Answer the members of the first set that no other set has.").flags(READONLY)
        .keys(2, 2, 1).keyCount(1).handler(handler(ZSetAlgebra::zdiff));
    entry(b, "zintercard", -3, "7.0.0", "Count the members of the intersection of sets.").flags(READONLY)
        .keys(2, 2, 1).keyCount(1).handler(handler(ZSetAlgebra::zintercard));
    entry(b, "zunionstore", -4, "2.0.0", "Store the union of sets under a key.").flags(WRITE, DENYOOM)
        .keys(1, 3, 2).keyCount(2).arguments(args -> ZSetOpRequest.sourceKeys(args, 2)).handler(handler(ZSetAlgebra::zunionstore));
    entry(b, "zinterstore", -4, "2.0.0", "Store the intersection of sets under a key.").flags(WRITE, DENYOOM)
        .keys(1, 3, 2).keyCount(2).arguments(args -> ZSetOpRequest.sourceKeys(args, 2)).handler(handler(ZSetAlgebra::zinterstore));
    entry(b, "zdiffstore", -4, "6.2.0", "Store the members of the first set that no other set has.")
        .flags(WRITE, DENYOOM).keys(1, 3, 2).keyCount(2).arguments(args -> ZSetOpRequest.sourceKeys(args, 2)).handler(handler(ZSetAlgebra::zdiffstore));
  }

  /** An entry of this group whose one key is argv[1]; multi-key entries override the keys. */
  private static CommandCatalog.EntryBuilder entry(CommandCatalog.Builder b, String name, int arity,
      String since, String summary) {
    return b.command(name, arity).group("sorted-set").keys(1, 1, 1).since(since).summary(summary);
  }
}
