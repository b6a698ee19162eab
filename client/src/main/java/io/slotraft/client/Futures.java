package io.slotraft.client;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How the blocking API waits: the async API's exception is rethrown as it is, not wrapped. */
final class Futures {
    private Futures() {
    }

    /**
     * Waits without a timeout of its own: every call completes by its command deadline. An interrupt
     * cancels the call, which stops its retries; whether an attempt already sent ran is unknown.
     */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new SlotraftException("interrupted while waiting for the reply", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (CancellationException e) {
            throw new SlotraftException("the command was cancelled", e);
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        Throwable error = cause;
        while (error instanceof CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        if (error instanceof RuntimeException) {
            return (RuntimeException) error;
        }
        if (error instanceof Error) {
            throw (Error) error;
        }
        return new SlotraftException(String.valueOf(error.getMessage()), error);
    }
}
