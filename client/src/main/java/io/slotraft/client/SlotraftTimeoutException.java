package io.slotraft.client;

/**
 * The command's deadline passed without an answer: no leader was elected in time, or no node could be
 * reached. For a command that is not safe to repeat this is thrown only when no attempt can have run
 * (otherwise {@link SlotraftIndeterminateException}); a safe-to-repeat read or idempotent write may
 * have run, which does not matter for it. The cause is the last obstacle met.
 */
public class SlotraftTimeoutException extends SlotraftException {
    private static final long serialVersionUID = 1L;

    public SlotraftTimeoutException(String message, Throwable lastFailure) {
        super(message, lastFailure);
    }
}
