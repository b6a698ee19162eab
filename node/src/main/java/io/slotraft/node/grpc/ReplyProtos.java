package io.slotraft.node.grpc;

import com.google.protobuf.ByteString;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.CrossSlot;
import io.slotraft.proto.v1.MapEntry;
import io.slotraft.proto.v1.Nil;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NotLeader;
import io.slotraft.proto.v1.ReplyList;
import io.slotraft.proto.v1.ReplyMap;
import io.slotraft.proto.v1.RoutingError;
import io.slotraft.proto.v1.TryAgain;
import java.util.List;

/** Renders typed replies as {@code slotraft.v1} messages; routing errors become structured errors. */
final class ReplyProtos {
  private static final io.slotraft.proto.v1.Reply NIL =
      io.slotraft.proto.v1.Reply.newBuilder().setNil(Nil.getDefaultInstance()).build();

  private ReplyProtos() {}

  /** @param epoch the node's topology epoch now, for routing errors that do not carry their own */
  static CommandResponse response(Reply reply, long epoch) {
    if (reply instanceof RoutingReply routing) {
      return CommandResponse.newBuilder().setRoutingError(routingError(routing, epoch)).build();
    }
    return CommandResponse.newBuilder().setReply(toProto(reply)).build();
  }

  static io.slotraft.proto.v1.Reply toProto(Reply reply) {
    io.slotraft.proto.v1.Reply.Builder out = io.slotraft.proto.v1.Reply.newBuilder();
    if (reply instanceof Reply.Simple simple) {
      out.setSimple(simple.text());
    } else if (reply instanceof Reply.Error error) {
      out.setError(error.message());
    } else if (reply instanceof Reply.Int number) {
      out.setInteger(number.value());
    } else if (reply instanceof Reply.Bulk bulk) {
      out.setBulk(ByteString.copyFrom(bulk.value()));
    } else if (reply instanceof Reply.Nil) {
      return NIL;
    } else if (reply instanceof Reply.Array array) {
      out.setArray(list(array.items()));
    } else if (reply instanceof Reply.Dbl dbl) {
      out.setDouble(dbl.value());
    } else if (reply instanceof Reply.MapReply map) {
      out.setMap(map(map.keysAndValues()));
    } else if (reply instanceof Reply.Bool bool) {
      out.setBoolean(bool.value());
    } else if (reply instanceof Reply.SetReply set) {
      out.setSet(list(set.items()));
    } else if (reply instanceof Reply.Pairs pairs) {
      out.setArray(pairs(pairs.flat()));
    } else if (reply instanceof RoutingReply routing) {
      out.setError(routing.respText());
    }
    return out.build();
  }

  private static ReplyList list(List<Reply> items) {
    ReplyList.Builder list = ReplyList.newBuilder();
    for (Reply item : items) {
      list.addItems(toProto(item));
    }
    return list.build();
  }

  /** Nested as RESP3 nests them: a list of two-item lists. */
  private static ReplyList pairs(List<Reply> flat) {
    ReplyList.Builder list = ReplyList.newBuilder();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      list.addItems(io.slotraft.proto.v1.Reply.newBuilder().setArray(list(flat.subList(i, i + 2))));
    }
    return list.build();
  }

  private static ReplyMap map(List<Reply> keysAndValues) {
    ReplyMap.Builder map = ReplyMap.newBuilder();
    for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
      map.addEntries(MapEntry.newBuilder().setKey(toProto(keysAndValues.get(i))).setValue(toProto(keysAndValues.get(i + 1))));
    }
    return map.build();
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
