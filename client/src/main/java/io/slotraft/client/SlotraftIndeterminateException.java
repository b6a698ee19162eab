package io.slotraft.client;

/**
 * The connection failed after the command was sent, and the command is not safe to repeat (INCR,
 * APPEND, GETSET...): it may or may not have been applied. The client does not guess; the caller
 * decides, e.g. by reading the key back.
 */
public class SlotraftIndeterminateException extends SlotraftException {
    private static final long serialVersionUID = 1L;

    public SlotraftIndeterminateException(String command, Throwable cause) {
        super(command + ": the command may or may not have been applied (" + cause.getMessage() + ")", cause);
    }
}
