package io.slotraft.client.retry;

import io.grpc.Status;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** What a failed gRPC call tells us about whether the command ran. */
public enum TransportFailure {
    /** No connection was ever made, so the request never left this process: any command may go elsewhere. */
    NOT_SENT,
    /** The call was or may have been sent and no answer came back: it may or may not have run. */
    OUTCOME_UNKNOWN,
    /** The call itself was refused (unimplemented, invalid, unauthenticated...): sending it again will not help. */
    REJECTED;

    public static TransportFailure classify(Throwable error) {
        Status status = Status.fromThrowable(error);
        switch (status.getCode()) {
            case UNAVAILABLE:
                return neverConnected(status.getCause()) ? NOT_SENT : OUTCOME_UNKNOWN;
            case DEADLINE_EXCEEDED:
            case CANCELLED:
            case UNKNOWN:
            case INTERNAL:
            case ABORTED:
            case DATA_LOSS:
                return OUTCOME_UNKNOWN;
            default:
                return REJECTED;
        }
    }

    /** A failure for a command that was never written: any command may go elsewhere. */
    public static io.grpc.StatusRuntimeException notSent(String why) {
        return Status.UNAVAILABLE.withDescription(why).withCause(new NotSentException(why)).asRuntimeException();
    }

    /**
     * A refused or unresolvable connection means nothing was written. A reset or EOF on an established
     * connection is different: the request may already be on the server.
     */
    private static boolean neverConnected(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof NotSentException) {
                return true;
            }
        }
        return false;
    }
}
