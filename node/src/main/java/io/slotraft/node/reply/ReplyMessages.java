package io.slotraft.node.reply;

import com.google.protobuf.ByteString;
import io.slotraft.proto.v1.MapEntry;
import io.slotraft.proto.v1.Nil;
import io.slotraft.proto.v1.ReplyList;
import io.slotraft.proto.v1.ReplyMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed replies as {@code slotraft.v1.Reply} messages and back: what the gRPC port sends, and how
 * snapshots keep the replies remembered for client retries. The message is what a gRPC client sees,
 * so a reply read back is equal to the original as the client sees it, though not always as the same
 * record: pairs come back as a list of two-item lists, and a nil as a bulk nil.
 */
public final class ReplyMessages {
  private static final io.slotraft.proto.v1.Reply NIL =
      io.slotraft.proto.v1.Reply.newBuilder().setNil(Nil.getDefaultInstance()).build();

  private ReplyMessages() {}

  public static io.slotraft.proto.v1.Reply toProto(Reply reply) {
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

  /** The typed reply a message stands for; see the class comment for what does not come back as it was. */
  public static Reply fromProto(io.slotraft.proto.v1.Reply message) {
    switch (message.getKindCase()) {
      case SIMPLE:
        return Replies.simple(message.getSimple());
      case ERROR:
        return Replies.error(message.getError());
      case INTEGER:
        return Replies.integer(message.getInteger());
      case BULK:
        return Replies.bulk(message.getBulk().toByteArray());
      case NIL:
        return Reply.Nil.BULK;
      case ARRAY:
        return Replies.array(items(message.getArray()));
      case DOUBLE:
        return Replies.dbl(message.getDouble());
      case MAP: {
        List<Reply> flat = new ArrayList<>();
        for (MapEntry entry : message.getMap().getEntriesList()) {
          flat.add(fromProto(entry.getKey()));
          flat.add(fromProto(entry.getValue()));
        }
        return new Reply.MapReply(flat);
      }
      case BOOLEAN:
        return Replies.bool(message.getBoolean());
      case SET:
        return new Reply.SetReply(items(message.getSet()));
      default:
        throw new IllegalArgumentException("reply message with no kind");
    }
  }

  private static List<Reply> items(ReplyList list) {
    List<Reply> items = new ArrayList<>(list.getItemsCount());
    for (io.slotraft.proto.v1.Reply item : list.getItemsList()) {
      items.add(fromProto(item));
    }
    return items;
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
}
