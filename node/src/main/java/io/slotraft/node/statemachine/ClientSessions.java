package io.slotraft.node.statemachine;

import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Exactly-once writes under retry (Raft dissertation 6.3): for each client write session, the
 * replies of its writes that the client may still retry. A write tagged (client, sequence) runs the
 * first time it is applied; a retry of it, applied later (perhaps proposed by another leader after a
 * failover), gets the remembered reply and changes nothing.
 *
 * <p>Replicated state: changed only by applied entries, judged by entry time, carried in snapshots,
 * so every replica remembers the same replies and forgets them at the same moment.
 *
 * <p>Bounded and expiring: replies below the client's "first unanswered" are dropped as it moves
 * on; a session keeps at most {@link #MAX_REPLIES_PER_CLIENT} replies (its oldest dropped first);
 * at most {@link #MAX_CLIENTS} sessions are kept, and one idle for {@link #IDLE_EXPIRY_MS} of entry
 * time is forgotten. A retry of a write whose reply was forgotten would run again: clients keep far
 * fewer writes in flight than the cap, and a client silent for an hour has no write to retry.
 */
public final class ClientSessions {
  static final int MAX_CLIENTS = 10_000;
  static final int MAX_REPLIES_PER_CLIENT = 1_024;
  static final long IDLE_EXPIRY_MS = 60 * 60 * 1000L;
  static final Reply ALREADY_ANSWERED = Replies.error(
      "ERR this write's sequence number was already answered and acknowledged by the client; not applied again");

  /** One client's session; its replies by sequence. */
  public static final class Session {
    final long clientId;
    long lastActiveMs;
    long firstUnanswered;
    final TreeMap<Long, Reply> replies = new TreeMap<>();

    Session(long clientId) {
      this.clientId = clientId;
    }

    public long clientId() {
      return clientId;
    }

    public long lastActiveMs() {
      return lastActiveMs;
    }

    public long firstUnanswered() {
      return firstUnanswered;
    }

    /** The remembered replies, ascending by sequence; read-only. */
    public Map<Long, Reply> replies() {
      return Collections.unmodifiableMap(replies);
    }
  }

  /** Least recently active first: insertion order, and a touched session is moved to the end. */
  private final LinkedHashMap<Long, Session> sessions = new LinkedHashMap<>();

  /**
   * Runs {@code write} unless this (client, sequence) already ran, in which case its first reply
   * comes back and nothing runs. {@code nowMs} is the entry's time.
   */
  Reply runOnce(ClientSequence sequence, long nowMs, Supplier<Reply> write) {
    Session session = touch(sequence.clientId(), nowMs);
    if (sequence.firstUnanswered() > session.firstUnanswered) {
      session.firstUnanswered = sequence.firstUnanswered();
      session.replies.headMap(session.firstUnanswered).clear();
    }
    Reply remembered = session.replies.get(sequence.sequence());
    if (remembered != null) {
      return remembered;
    }
    if (sequence.sequence() < session.firstUnanswered) {
      // The client said it has this write's answer: a stray duplicate. Running it again would apply it twice.
      return ALREADY_ANSWERED;
    }
    Reply reply = write.get();
    session.replies.put(sequence.sequence(), reply);
    if (session.replies.size() > MAX_REPLIES_PER_CLIENT) {
      session.replies.pollFirstEntry();
    }
    expire(nowMs);
    return reply;
  }

  private Session touch(long clientId, long nowMs) {
    Session session = sessions.remove(clientId);
    if (session == null) {
      session = new Session(clientId);
    }
    session.lastActiveMs = Math.max(session.lastActiveMs, nowMs);
    sessions.put(clientId, session);
    return session;
  }

  /** Forgets the least recently active sessions beyond the cap, and every idle one. */
  private void expire(long nowMs) {
    Iterator<Session> oldestFirst = sessions.values().iterator();
    while (oldestFirst.hasNext()) {
      Session oldest = oldestFirst.next();
      if (sessions.size() <= MAX_CLIENTS && nowMs - oldest.lastActiveMs < IDLE_EXPIRY_MS) {
        return;
      }
      oldestFirst.remove();
    }
  }

  public int size() {
    return sessions.size();
  }

  /** The sessions, least recently active first, for a snapshot. Call on the apply thread. */
  public List<Session> export() {
    List<Session> copy = new ArrayList<>(sessions.size());
    for (Session session : sessions.values()) {
      Session frozen = new Session(session.clientId);
      frozen.lastActiveMs = session.lastActiveMs;
      frozen.firstUnanswered = session.firstUnanswered;
      frozen.replies.putAll(session.replies);
      copy.add(frozen);
    }
    return copy;
  }

  /**
   * An independent copy, for the new shard of a split: a client's retried write must be answered
   * once by whichever half now owns its key, so both halves keep every session.
   */
  public ClientSessions copy() {
    ClientSessions copy = new ClientSessions();
    for (Session session : export()) {
      copy.sessions.put(session.clientId, session);
    }
    return copy;
  }

  /**
   * Takes in a merge source's sessions: a client's retried write must be answered once by the shard
   * that now owns its key, whichever of the two ran it. A client known to both keeps the replies of
   * both (a write ran in one of them only, or, if in both, before a split copied the reply), the
   * higher "first unanswered" and the later activity; sessions stay least recently active first, and
   * within the caps.
   */
  void absorb(ClientSessions source) {
    Map<Long, Session> all = new LinkedHashMap<>();
    for (Session mine : export()) {
      all.put(mine.clientId, mine);
    }
    for (Session theirs : source.export()) {
      Session merged = all.putIfAbsent(theirs.clientId, theirs);
      if (merged == null) {
        continue;
      }
      merged.lastActiveMs = Math.max(merged.lastActiveMs, theirs.lastActiveMs);
      merged.firstUnanswered = Math.max(merged.firstUnanswered, theirs.firstUnanswered);
      theirs.replies.forEach(merged.replies::putIfAbsent);
      merged.replies.headMap(merged.firstUnanswered).clear();
      while (merged.replies.size() > MAX_REPLIES_PER_CLIENT) {
        merged.replies.pollFirstEntry();
      }
    }
    List<Session> ordered = new ArrayList<>(all.values());
    ordered.sort(java.util.Comparator.comparingLong(Session::lastActiveMs));
    sessions.clear();
    for (int i = Math.max(0, ordered.size() - MAX_CLIENTS); i < ordered.size(); i++) {
      sessions.put(ordered.get(i).clientId, ordered.get(i));
    }
  }

  /** Adds a session loaded from a snapshot; sessions must come least recently active first. */
  public void restore(long clientId, long lastActiveMs, long firstUnanswered, Map<Long, Reply> replies) {
    Session session = new Session(clientId);
    session.lastActiveMs = lastActiveMs;
    session.firstUnanswered = firstUnanswered;
    session.replies.putAll(replies);
    sessions.put(clientId, session);
  }
}
