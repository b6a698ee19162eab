package io.slotraft.client.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.proto.v1.RequestSequence;
import org.junit.jupiter.api.Test;

class WriteSessionTest {

    @Test
    void writesAreNumberedFromOneAndTheLowestUnansweredTravelsWithEach() {
        WriteSession session = new WriteSession(7);
        long first = session.begin();
        long second = session.begin();
        assertEquals(1, first);
        assertEquals(2, second);
        RequestSequence sent = session.sequence(second);
        assertEquals(7, sent.getClientId());
        assertEquals(2, sent.getSequence());
        assertEquals(1, sent.getFirstUnanswered(), "write 1 still awaits its answer");
        session.finish(first);
        assertEquals(2, session.sequence(second).getFirstUnanswered(), "the node may forget write 1's reply");
    }

    @Test
    void theFirstUnansweredNeverPassesTheWriteItself() {
        WriteSession session = new WriteSession(7);
        long only = session.begin();
        session.finish(only);
        // A late attempt of a finished write (the caller gave up) must still be a valid request.
        RequestSequence late = session.sequence(only);
        assertTrue(late.getFirstUnanswered() <= late.getSequence());
    }

    @Test
    void sequencedWritesAreThoseTheNodeDeduplicates() {
        assertTrue(RetrySafety.canBeSequenced("incr"));
        assertFalse(RetrySafety.canBeSequenced("BLPOP"), "a blocking pop proposes afresh each time");
        assertFalse(RetrySafety.canBeSequenced("EXEC"));
        assertNotEquals(WriteSession.random().clientId(), WriteSession.random().clientId());
    }
}
