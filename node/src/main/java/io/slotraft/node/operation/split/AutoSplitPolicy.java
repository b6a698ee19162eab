package io.slotraft.node.operation.split;

import io.slotraft.node.meta.MemberReport;
import io.slotraft.node.meta.MetaState;
import io.slotraft.node.placement.ShardPlacement;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.SplitShardSpec;
import java.util.Comparator;
import java.util.Optional;

/**
 * When to split a shard without an operator (off unless a threshold is set): a shard whose leader
 * reports more keys than {@code maxKeys}, or more snapshot bytes than {@code maxBytes}, is split
 * where its keys halve, the largest first, one at a time, never a one-slot shard nor one an
 * operation is changing. Pure: it reads meta's state, including the nodes' reports.
 *
 * @param maxKeys keys above which a shard splits; 0: keys never split one
 * @param maxBytes snapshot bytes above which a shard splits; 0: bytes never split one
 */
public record AutoSplitPolicy(long maxKeys, long maxBytes) {

  public boolean enabled() {
    return maxKeys > 0 || maxBytes > 0;
  }

  /** The split to start now, if any. */
  public Optional<OperationSpec> next(MetaState state) {
    if (!enabled() || state.anotherReshapeRunning().isPresent()) {
      return Optional.empty();
    }
    return state.topology().placement().shards().stream()
        .filter(shard -> shard.slotEnd() > shard.slotStart())
        .filter(shard -> state.operationChangingReplicasOf(shard.shardId()).isEmpty())
        .map(shard -> new Measured(shard, leaderReport(state, shard)))
        .filter(measured -> measured.report().isPresent() && reason(measured.report().get()).isPresent())
        .max(Comparator.comparingLong((Measured measured) -> measured.report().get().keys())
            .thenComparingLong(measured -> measured.report().get().bytes()))
        .map(measured -> OperationSpec.newBuilder().setSplitShard(SplitShardSpec.newBuilder()
            .setShardId(measured.shard().shardId()).setSplitSlot(SplitShardKind.HALVING_SLOT)
            .setReason(reason(measured.report().get()).orElseThrow())).build());
  }

  private record Measured(ShardPlacement shard, Optional<MemberReport.ReportedShard> report) {}

  /** What the shard's leader last reported of it (its node said it led it then). */
  private static Optional<MemberReport.ReportedShard> leaderReport(MetaState state, ShardPlacement shard) {
    return state.reports().values().stream().flatMap(report -> report.shards().stream())
        .filter(reported -> reported.shardId().equals(shard.shardId()) && reported.leader())
        .findFirst();
  }

  private Optional<String> reason(MemberReport.ReportedShard reported) {
    if (maxKeys > 0 && reported.keys() > maxKeys) {
      return Optional.of("automatic: " + reported.keys() + " keys, over --auto-split-keys " + maxKeys);
    }
    if (maxBytes > 0 && reported.bytes() > maxBytes) {
      return Optional.of("automatic: " + reported.bytes() + " bytes, over --auto-split-bytes " + maxBytes);
    }
    return Optional.empty();
  }
}
