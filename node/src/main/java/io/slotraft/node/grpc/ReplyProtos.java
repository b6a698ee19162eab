package io.slotraft.node.grpc;

import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.ReplyMessages;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.CrossSlot;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NotLeader;
import io.slotraft.proto.v1.RoutingError;
import io.slotraft.proto.v1.TryAgain;

/** Renders typed replies as {@code slotraft.v1} messages; routing errors become structured errors. */
final class ReplyProtos {
  private ReplyProtos() {}

  static CommandResponse response(Reply reply) {
    if (reply instanceof RoutingReply routing) {
      return CommandResponse.newBuilder().setRoutingError(routingError(routing)).build();
    }
    return CommandResponse.newBuilder().setReply(toProto(reply)).build();
  }

  static io.slotraft.proto.v1.Reply toProto(Reply reply) {
    return ReplyMessages.toProto(reply);
  }

  private static RoutingError routingError(RoutingReply routing) {
    RoutingError.Builder error = RoutingError.newBuilder();
    if (routing instanceof RoutingReply.Moved moved) {
      error.setNotLeader(NotLeader.newBuilder()
          .setSlot(moved.slot())
          .setShardId(moved.shardId())
          .setEpoch(moved.epoch())
          .setLeader(NodeAddress.newBuilder().setNodeId(moved.leaderNodeId()).setHost(moved.host())
              .setRespPort(moved.respPort()).setGrpcPort(moved.grpcPort())));
    } else if (routing instanceof RoutingReply.CrossSlot) {
      error.setCrossSlot(CrossSlot.getDefaultInstance());
    } else if (routing instanceof RoutingReply.TryAgain again) {
      error.setTryAgain(TryAgain.newBuilder().setSlot(again.slot()).setReason(again.reason()));
    }
    return error.build();
  }
}
