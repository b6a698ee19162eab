package io.slotraft.admin;

import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.SplitShardSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slotraft-admin split SHARD [--at SLOT]}: starts a split on meta and follows it. The upper
 * slots become a new shard on the same replicas; no key crosses the network. Meta checks the split
 * (the slot inside the shard, no move of it running, one split at a time) and says why it refuses.
 */
@Command(name = "split", mixinStandardHelpOptions = true,
    description = "Split SHARD in place: its slots from SLOT on become a new shard on the same replicas.")
final class SplitCommand extends OperationCommand {
  /** Meta's "the slot that halves the keys". */
  private static final int HALVING_SLOT = -1;

  @Parameters(index = "0", paramLabel = "SHARD", description = "Shard id, as `status` lists it (e.g. s1).")
  private String shardId;

  @Option(names = "--at", paramLabel = "SLOT",
      description = "The new shard's first slot (default: the slot that halves SHARD's keys).")
  private Integer at;

  @Override
  public Integer call() throws InterruptedException {
    return startAndFollow(view -> {
      MetaShard shard = view.shard(shardId);
      if (at != null && (at <= shard.getSlotStart() || at > shard.getSlotEnd())) {
        throw new AdminException("--at " + at + " is not inside " + shardId + " (slots " + shard.getSlotStart() + "-"
            + shard.getSlotEnd() + "): the new shard's first slot must be in " + (shard.getSlotStart() + 1) + "-"
            + shard.getSlotEnd());
      }
      return OperationSpec.newBuilder().setSplitShard(SplitShardSpec.newBuilder()
          .setShardId(shard.getShardId()).setSplitSlot(at == null ? HALVING_SLOT : at)).build();
    });
  }
}
