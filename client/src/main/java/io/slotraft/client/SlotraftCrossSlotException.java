package io.slotraft.client;

import java.util.List;

/**
 * The keys of one multi-key command hash to different slots. Nothing ran; the caller must split the
 * command or put the keys under one {@code {hashtag}}.
 */
public class SlotraftCrossSlotException extends SlotraftException {
    private static final long serialVersionUID = 1L;

    private final List<Integer> slots;

    public SlotraftCrossSlotException(String command, List<Integer> slots) {
        super("CROSSSLOT " + command + ": keys hash to different slots " + slots);
        this.slots = List.copyOf(slots);
    }

    public List<Integer> slots() {
        return slots;
    }
}
