package io.slotraft.node.meta;

import com.google.protobuf.InvalidProtocolBufferException;
import io.slotraft.proto.v1.Bootstrap;
import io.slotraft.proto.v1.MetaCommand;

/** Encodes meta's log entries ({@code MetaCommand} in meta.proto) and decodes them with a version check. */
public final class MetaEntries {
  /** The newest entry layout this build writes and reads. */
  static final int FORMAT_VERSION = 1;

  private MetaEntries() {}

  /** A Bootstrap entry recording {@code plan} (its epoch is ignored: bootstrap always yields epoch 1). */
  public static byte[] bootstrap(ClusterTopology plan, String proposerNodeId) {
    return MetaCommand.newBuilder()
        .setFormatVersion(FORMAT_VERSION)
        .setBootstrap(Bootstrap.newBuilder().setPlan(MetaProtos.plan(plan)).setProposerNodeId(proposerNodeId))
        .build()
        .toByteArray();
  }

  static MetaCommand decode(byte[] entry) {
    MetaCommand command;
    try {
      command = MetaCommand.parseFrom(entry);
    } catch (InvalidProtocolBufferException e) {
      throw new MetaCommandException("meta log entry is not a valid slotraft.v1.MetaCommand: " + e.getMessage());
    }
    if (command.getFormatVersion() < 1 || command.getFormatVersion() > FORMAT_VERSION) {
      throw new MetaCommandException("meta log entry format version " + command.getFormatVersion()
          + " is not one this build reads (1 to " + FORMAT_VERSION + "); upgrade this node");
    }
    if (command.getBodyCase() == MetaCommand.BodyCase.BODY_NOT_SET) {
      // A version this build knows with a body it does not: written by a newer build that forgot to
      // raise the version. Skipping it would fork the topology.
      throw new MetaCommandException("meta log entry has a command this build does not know; upgrade this node");
    }
    return command;
  }
}
