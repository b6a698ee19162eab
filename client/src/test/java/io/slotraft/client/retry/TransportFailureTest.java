package io.slotraft.client.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** What a failed call says about whether the command ran. */
class TransportFailureTest {

    @Test
    void aRefusedConnectionMeansNothingWasSent() {
        Throwable refused = Status.UNAVAILABLE.withCause(new IOException("wrapped", new ConnectException("refused")))
                .asRuntimeException();
        assertEquals(TransportFailure.NOT_SENT, TransportFailure.classify(refused));
    }

    @Test
    void aBrokenOrSilentConnectionLeavesTheOutcomeUnknown() {
        assertEquals(TransportFailure.OUTCOME_UNKNOWN, TransportFailure.classify(
                Status.UNAVAILABLE.withCause(new IOException("Connection reset by peer")).asRuntimeException()));
        assertEquals(TransportFailure.OUTCOME_UNKNOWN, TransportFailure.classify(Status.UNAVAILABLE.asRuntimeException()));
        assertEquals(TransportFailure.OUTCOME_UNKNOWN, TransportFailure.classify(Status.DEADLINE_EXCEEDED.asException()));
        assertEquals(TransportFailure.OUTCOME_UNKNOWN, TransportFailure.classify(Status.CANCELLED.asRuntimeException()));
        assertEquals(TransportFailure.OUTCOME_UNKNOWN, TransportFailure.classify(Status.INTERNAL.asRuntimeException()));
    }

    @Test
    void aCallTheServerRefusesIsNotWorthRepeating() {
        assertEquals(TransportFailure.REJECTED, TransportFailure.classify(Status.UNIMPLEMENTED.asRuntimeException()));
        assertEquals(TransportFailure.REJECTED, TransportFailure.classify(Status.INVALID_ARGUMENT.asRuntimeException()));
        assertEquals(TransportFailure.REJECTED, TransportFailure.classify(Status.UNAUTHENTICATED.asRuntimeException()));
    }
}
