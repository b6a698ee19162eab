package io.slotraft.client;

/** The root of everything the client throws: the command did not succeed. */
public class SlotraftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SlotraftException(String message) {
        super(message);
    }

    public SlotraftException(String message, Throwable cause) {
        super(message, cause);
    }
}
