package io.slotraft.node.meta;

import com.google.protobuf.InvalidProtocolBufferException;
import io.slotraft.node.cluster.ClusterMember;
import io.slotraft.node.cluster.MemberProtos;
import io.slotraft.proto.v1.AdvanceOperation;
import io.slotraft.proto.v1.Bootstrap;
import io.slotraft.proto.v1.CancelOperation;
import io.slotraft.proto.v1.JoinNode;
import io.slotraft.proto.v1.OperationSpec;
import io.slotraft.proto.v1.RemoveNode;
import io.slotraft.proto.v1.StartOperation;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.SetPreferredLeader;

/** Encodes meta's log entries ({@code MetaCommand} in meta.proto) and decodes them with a version check. */
public final class MetaEntries {
  /** The newest entry layout this build writes and reads. */
  static final int FORMAT_VERSION = 3;
  /** Bootstrap entries keep the first layout, so that a node of the first build still reads them. */
  private static final int BOOTSTRAP_VERSION = 1;
  /** SetPreferredLeader and NodeReport: an older build must stop rather than skip them. */
  private static final int CHANGES_VERSION = 2;
  /** Joining and removing nodes, and operations: an older build must stop rather than skip them. */
  private static final int OPERATIONS_VERSION = 3;

  private MetaEntries() {}

  /** A Bootstrap entry recording {@code plan} (its epoch is ignored: bootstrap always yields epoch 1). */
  public static byte[] bootstrap(ClusterTopology plan, String proposerNodeId) {
    return MetaCommand.newBuilder()
        .setFormatVersion(BOOTSTRAP_VERSION)
        .setBootstrap(Bootstrap.newBuilder().setPlan(MetaProtos.plan(plan)).setProposerNodeId(proposerNodeId))
        .build()
        .toByteArray();
  }

  /** The command that makes {@code nodeId} the preferred leader of {@code shardId}. */
  public static MetaCommand setPreferredLeader(String shardId, String nodeId) {
    return MetaCommand.newBuilder()
        .setFormatVersion(CHANGES_VERSION)
        .setSetPreferredLeader(SetPreferredLeader.newBuilder().setShardId(shardId).setNodeId(nodeId))
        .build();
  }

  /** The command that records {@code report}. */
  public static MetaCommand nodeReport(MemberReport report) {
    return MetaCommand.newBuilder()
        .setFormatVersion(CHANGES_VERSION)
        .setNodeReport(MetaProtos.report(report))
        .build();
  }

  /** The command that makes {@code node} a member. */
  public static MetaCommand joinNode(ClusterMember node) {
    return MetaCommand.newBuilder().setFormatVersion(OPERATIONS_VERSION)
        .setJoinNode(JoinNode.newBuilder().setNode(MemberProtos.toProto(node))).build();
  }

  /** The command that removes member {@code nodeId}, which must hold nothing. */
  public static MetaCommand removeNode(String nodeId) {
    return MetaCommand.newBuilder().setFormatVersion(OPERATIONS_VERSION)
        .setRemoveNode(RemoveNode.newBuilder().setNodeId(nodeId)).build();
  }

  /** The command that starts an operation; {@code parentId} 0 for one an operator asked for. */
  public static MetaCommand startOperation(OperationSpec spec, long parentId, long atMs) {
    return MetaCommand.newBuilder().setFormatVersion(OPERATIONS_VERSION)
        .setStartOperation(StartOperation.newBuilder().setSpec(spec).setParentId(parentId).setAtMs(atMs)).build();
  }

  /** The command that records a driver's step, progress or end. */
  public static MetaCommand advanceOperation(AdvanceOperation advance) {
    return MetaCommand.newBuilder().setFormatVersion(OPERATIONS_VERSION).setAdvanceOperation(advance).build();
  }

  /** The command that asks operation {@code id} to stop. */
  public static MetaCommand cancelOperation(long id) {
    return MetaCommand.newBuilder().setFormatVersion(OPERATIONS_VERSION)
        .setCancelOperation(CancelOperation.newBuilder().setId(id)).build();
  }

  /**
   * The log entry for a command that arrived over gRPC ({@code MetaService.Propose}), checked the way
   * {@link #decode} will check it on every replica. A command decode would refuse must never reach
   * the log: every meta replica would stop at it. Bootstrap is refused too: only a meta leader's own
   * configuration bootstraps.
   *
   * @throws MetaCommandException with the reason, for the caller
   */
  public static byte[] proposable(MetaCommand command) {
    byte[] entry = command.toByteArray();
    MetaCommand checked = decode(entry);
    if (checked.getBodyCase() == MetaCommand.BodyCase.BOOTSTRAP) {
      throw new MetaCommandException("Bootstrap cannot be proposed from outside: meta bootstraps from its leader's "
          + "configuration");
    }
    return entry;
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
    int needed = neededVersion(command.getBodyCase());
    if (command.getFormatVersion() < needed) {
      // An older reader would stop at this body: the writer under-declared the layout it needs.
      throw new MetaCommandException("meta log entry declares format version " + command.getFormatVersion()
          + " but carries " + command.getBodyCase() + ", which needs version " + needed);
    }
    if (command.hasStartOperation()
        && command.getStartOperation().getSpec().getKindCase() == OperationSpec.KindCase.KIND_NOT_SET) {
      throw new MetaCommandException("meta log entry starts an operation of a kind this build does not know; "
          + "upgrade this node");
    }
    return command;
  }

  private static int neededVersion(MetaCommand.BodyCase body) {
    return switch (body) {
      case BOOTSTRAP, BODY_NOT_SET -> BOOTSTRAP_VERSION;
      case SET_PREFERRED_LEADER, NODE_REPORT -> CHANGES_VERSION;
      case JOIN_NODE, REMOVE_NODE, START_OPERATION, ADVANCE_OPERATION, CANCEL_OPERATION -> OPERATIONS_VERSION;
    };
  }
}
