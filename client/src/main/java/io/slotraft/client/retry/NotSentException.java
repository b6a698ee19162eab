package io.slotraft.client.retry;

import java.io.IOException;

/**
 * The cause of a failure of a command that never left this process (its stream broke, or the client
 * gave up on it, before it was written): whatever the command, it did not run.
 */
public final class NotSentException extends IOException {
    public NotSentException(String message) {
        super(message);
    }
}
