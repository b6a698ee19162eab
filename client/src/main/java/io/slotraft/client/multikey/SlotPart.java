package io.slotraft.client.multikey;

import io.slotraft.client.command.Command;
import io.slotraft.client.reply.Reply;

/**
 * The part of a multi-key command whose keys share one slot: the command for those keys alone, and
 * where each of its keys sits in the caller's list ({@code keyIndexes[j]} is the caller's index of
 * the part's j-th key), which is how the answers are put back in the caller's order.
 */
public record SlotPart(int slot, int[] keyIndexes, Command<Reply> command) {
}
