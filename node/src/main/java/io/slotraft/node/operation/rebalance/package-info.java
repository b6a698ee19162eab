/**
 * Rebalancing: evens out replicas, preferred leaders and bytes per node, with the fewest moves, by
 * the pure {@link io.slotraft.node.placement.RebalancePlanner}.
 *
 * <p>Steps:
 * <ol>
 *   <li>{@code PLAN}: the planner's plan for meta's state now (members, draining nodes, each
 *       shard's reported size) is recorded in the operation, so a new meta leader follows the same
 *       plan. An empty plan ends the rebalance at once.
 *   <li>{@code MOVE_REPLICAS}: starts the planned moves (child operations) wave by wave, at most
 *       {@code max_concurrent_moves} at a time and never two of one shard; a planned move that no
 *       longer applies (its source lost the replica, its target has it) is skipped, one that failed
 *       is not retried; when none is left or running, goes on.
 *   <li>{@code META_VOTES}: gives meta 5 voters once 5 or more members are not draining, else 3, one
 *       vote added or removed at a time (a move of the group {@code meta} without a source or a
 *       target: the same learner, catch-up and promotion, or hand-over and removal);
 *   <li>{@code MOVE_LEADERS}: makes each planned leader its shard's preferred leader (leader
 *       balancing on the nodes then hands leadership over), and SUCCEEDS.
 * </ol>
 * A crash between steps resumes at the recorded step: PLAN again (a new plan, nothing was moved
 * yet), MOVE_REPLICAS from what meta shows moved and running, MOVE_LEADERS again (setting a preferred
 * leader that is already so is a no-op). A cancel cancels the running moves, waits for them and
 * ends CANCELLED; moves already done stay done.
 */
package io.slotraft.node.operation.rebalance;
