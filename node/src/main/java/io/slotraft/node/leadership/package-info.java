/**
 * Leader balancing: hands each shard's leadership back to its preferred leader (the placement's
 * first replica), so that every node leads its share of shards after a start or a restart.
 *
 * <p>Steps, per shard, each interval, run only by the shard's current leader:
 * <ol>
 *   <li>skip unless this replica leads and the preferred leader is another node;
 *   <li>skip unless the preferred replica answered this leader within its lease (it is up);
 *   <li>ask JRaft to transfer leadership to it: JRaft waits until the target has the whole log,
 *       then tells it to elect itself at once.
 * </ol>
 * If any node dies between two steps nothing is lost: a transfer that does not complete within an
 * election timeout is abandoned by JRaft and the old leader leads on; a leader that dies mid-way is
 * replaced by an ordinary election; the next interval looks again. At most one transfer per shard
 * is asked for per interval, and only by a leader, so two nodes never fight over a shard.
 */
package io.slotraft.node.leadership;
