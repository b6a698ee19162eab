package io.slotraft.node.command;

import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/** Sets as replies: a RESP3 set (an array in RESP2), as Redis 7 answers SMEMBERS, SINTER and SPOP. */
final class SetReplies {
  static final Reply EMPTY = new Reply.SetReply(List.of());

  private SetReplies() {}

  /** Every member of {@code set} (null: none), in its order. */
  static Reply members(SetValue set) {
    if (set == null) {
      return EMPTY;
    }
    List<Reply> items = new ArrayList<>(set.size());
    set.forEachPosition(pos -> items.add(Replies.bulk(set.memberAt(pos))));
    return new Reply.SetReply(items);
  }

  static Reply of(List<byte[]> members) {
    List<Reply> items = new ArrayList<>(members.size());
    for (byte[] member : members) {
      items.add(Replies.bulk(member));
    }
    return new Reply.SetReply(items);
  }
}
