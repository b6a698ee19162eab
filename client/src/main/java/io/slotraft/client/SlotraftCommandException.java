package io.slotraft.client;

/**
 * The server ran the command and answered a Redis error, e.g. {@code WRONGTYPE Operation against a key
 * holding the wrong kind of value}. The message is Redis's full error text, unchanged.
 */
public class SlotraftCommandException extends SlotraftException {
    private static final long serialVersionUID = 1L;

    public SlotraftCommandException(String redisError) {
        super(redisError);
    }

    /** The first word of the error, e.g. {@code WRONGTYPE} or {@code ERR}. */
    public String errorCode() {
        String text = getMessage();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
