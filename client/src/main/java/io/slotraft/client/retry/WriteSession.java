package io.slotraft.client.retry;

import io.slotraft.proto.v1.RequestSequence;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This client's write session, which makes retrying a write safe (Raft dissertation 6.3): each
 * write the client may have to send again gets the next sequence number, kept across every attempt;
 * the node applies each (client id, sequence) once and answers a retry with the first reply. With
 * each request goes the lowest sequence still awaiting an answer, so the node can forget the replies
 * below it.
 *
 * <p>Thread-safe: calls on many threads begin and finish writes.
 */
public final class WriteSession {
    private final long clientId;
    private final AtomicLong nextSequence = new AtomicLong(1);
    private final ConcurrentSkipListSet<Long> unanswered = new ConcurrentSkipListSet<>();

    public WriteSession(long clientId) {
        this.clientId = clientId;
    }

    /** A session with a random id: two clients must never share one, or their writes would be taken for retries. */
    public static WriteSession random() {
        return new WriteSession(new SecureRandom().nextLong());
    }

    public long clientId() {
        return clientId;
    }

    /** Numbers a new write; it stays unanswered until {@link #finish}. */
    public long begin() {
        long sequence = nextSequence.getAndIncrement();
        unanswered.add(sequence);
        return sequence;
    }

    /** What to send with an attempt of write {@code sequence}, begun and not yet finished. */
    public RequestSequence sequence(long sequence) {
        Long lowest = unanswered.isEmpty() ? null : unanswered.first();
        long firstUnanswered = lowest == null ? sequence : Math.min(lowest, sequence);
        return RequestSequence.newBuilder()
                .setClientId(clientId)
                .setSequence(sequence)
                .setFirstUnanswered(firstUnanswered)
                .build();
    }

    /** The write has its answer (or the caller gave up on it): the node may forget its reply. */
    public void finish(long sequence) {
        unanswered.remove(sequence);
    }
}
