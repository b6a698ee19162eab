/**
 * The attempt loop: sends a command (or a batch) to the node the {@code routing} package picks, and
 * on each answer decides, with the rules of the {@code retry} package, whether to finish, follow a
 * redirect, wait and try again, or give up. Every call ends by its deadline, so a caller's future
 * always completes. A batch is cut per shard first, one call per shard, all in flight at once.
 *
 * <p>What a routing error teaches goes back to the router at once (the named leader leads that shard
 * from now on) and asks the {@code topology} package for a fresh map, so the next commands of that
 * shard go straight to the right node.
 *
 * <p>The rules, in one place: a routing error (NOT_LEADER, WRONG_SHARD, TRY_AGAIN) means the command
 * did not run, so it is always sent again, at once to a named leader, otherwise after backoff to
 * another node. CROSSSLOT is the caller's mistake and is thrown. A lost connection is retried only
 * for commands that are safe to repeat, or when no connection was ever made; otherwise the caller
 * gets {@code SlotraftIndeterminateException}.
 */
package io.slotraft.client.dispatch;
