package io.slotraft.node.snapshot;

import io.slotraft.node.reply.Reply;
import io.slotraft.node.reply.ReplyMessages;
import io.slotraft.node.statemachine.ClientSessions;
import io.slotraft.proto.v1.ClientSessionSnapshot;
import io.slotraft.proto.v1.SequencedReply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The client write sessions (exactly-once retries) in a snapshot's manifest, in their activity order. */
final class ClientSessionsCodec {
  private ClientSessionsCodec() {}

  static List<ClientSessionSnapshot> encode(List<ClientSessions.Session> sessions) {
    List<ClientSessionSnapshot> encoded = new ArrayList<>(sessions.size());
    for (ClientSessions.Session session : sessions) {
      ClientSessionSnapshot.Builder out = ClientSessionSnapshot.newBuilder()
          .setClientId(session.clientId())
          .setLastActiveMs(session.lastActiveMs())
          .setFirstUnanswered(session.firstUnanswered());
      session.replies().forEach((sequence, reply) -> out.addReplies(
          SequencedReply.newBuilder().setSequence(sequence).setReply(ReplyMessages.toProto(reply))));
      encoded.add(out.build());
    }
    return encoded;
  }

  static ClientSessions decode(List<ClientSessionSnapshot> encoded, Path manifest) throws CorruptSnapshotException {
    ClientSessions sessions = new ClientSessions();
    for (ClientSessionSnapshot session : encoded) {
      Map<Long, Reply> replies = new TreeMap<>();
      for (SequencedReply reply : session.getRepliesList()) {
        try {
          replies.put(reply.getSequence(), ReplyMessages.fromProto(reply.getReply()));
        } catch (IllegalArgumentException e) {
          throw new CorruptSnapshotException(manifest, "client session " + Long.toHexString(session.getClientId())
              + " remembers an unreadable reply for sequence " + reply.getSequence());
        }
      }
      sessions.restore(session.getClientId(), session.getLastActiveMs(), session.getFirstUnanswered(), replies);
    }
    if (sessions.size() != encoded.size()) {
      throw new CorruptSnapshotException(manifest, "a client session appears twice");
    }
    return sessions;
  }
}
