package io.slotraft.admin;

import io.slotraft.proto.v1.MergeShardsSpec;
import io.slotraft.proto.v1.MetaShard;
import io.slotraft.proto.v1.OperationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slotraft-admin merge TARGET SOURCE --yes}: starts a merge on meta and follows it. SOURCE's
 * replicas move onto TARGET's nodes if they are elsewhere, SOURCE is frozen (its slots answer
 * TRYAGAIN for a moment), and TARGET takes SOURCE's keys in from each node's own copy and owns both
 * ranges; SOURCE is retired. Meta checks the two (neighbours, no other operation on them, one split
 * or merge at a time) and says why it refuses.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Merge two neighbouring shards: TARGET takes SOURCE's slots and keys, SOURCE is retired.")
final class MergeCommand extends OperationCommand {

  @Parameters(index = "0", paramLabel = "TARGET", description = "The shard that stays (e.g. s2), as `status` lists it.")
  private String targetId;

  @Parameters(index = "1", paramLabel = "SOURCE", description = "The neighbouring shard it takes in (e.g. s3).")
  private String sourceId;

  @Option(names = "--yes", description = "Confirm: SOURCE stops being a shard; its slots pause while it is frozen.")
  private boolean yes;

  @Override
  public Integer call() throws InterruptedException {
    if (!yes) {
      throw usageError("merge " + targetId + " " + sourceId + " would retire " + sourceId + " (its slots pause for a "
          + "moment while " + targetId + " takes them in); add --yes to merge");
    }
    return startAndFollow(view -> {
      MetaShard target = view.shard(targetId);
      MetaShard source = view.shard(sourceId);
      if (target.getShardId().equals(source.getShardId())) {
        throw new AdminException("a shard cannot merge with itself");
      }
      if (target.getSlotEnd() + 1 != source.getSlotStart() && source.getSlotEnd() + 1 != target.getSlotStart()) {
        throw new AdminException(targetId + " (slots " + target.getSlotStart() + "-" + target.getSlotEnd() + ") and "
            + sourceId + " (slots " + source.getSlotStart() + "-" + source.getSlotEnd() + ") are not neighbours; "
            + "only adjacent ranges merge");
      }
      return OperationSpec.newBuilder().setMergeShards(MergeShardsSpec.newBuilder()
          .setTargetShardId(target.getShardId()).setSourceShardId(source.getShardId())).build();
    });
  }
}
