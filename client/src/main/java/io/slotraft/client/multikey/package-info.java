/**
 * Commands over keys of many slots (MGET, MSET, DEL, UNLINK, EXISTS, TOUCH): cut into one part per
 * slot, sent per shard in parallel, answers joined in the caller's key order. Not atomic across
 * slots; the javadoc of {@link io.slotraft.client.multikey.MultiKeyCommand} says what that means.
 * Sending and retrying the parts is the {@code dispatch} package's work.
 */
package io.slotraft.client.multikey;
