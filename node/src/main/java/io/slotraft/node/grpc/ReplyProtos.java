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

  /** @param epoch the node's topology epoch now, for routing errors that do not carry their own */
  static CommandResponse response(Reply reply, long epoch) {
    if (reply instanceof RoutingReply routing) {
      return CommandResponse.newBuilder().setRoutingError(routingError(routing, epoch)).build();
    }
    return CommandResponse.newBuilder().setReply(toProto(reply)).build();
  }

  static io.slotraft.proto.v1.Reply toProto(Reply reply) {
    return ReplyMessages.toProto(reply);
  }

  private static RoutingError routingError(RoutingReply routing, long epoch) {
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
      error.setTryAgain(TryAgain.newBuilder().setSlot(again.slot()).setReason(again.reason()).setEpoch(epoch));
    }
    return error.build();
  }
}
