/**
 * Running the meta group on a node: {@link io.slotraft.node.metagroup.MetaReplica} (this node's
 * meta Raft replica, on the node's shared Raft transport, data under {@code data-dir/meta}), {@link
 * io.slotraft.node.metagroup.MetaBootstrapper} (the leader proposes Bootstrap while meta is empty),
 * the two ways a node reads meta (its own replica, or the meta members over gRPC) and {@link
 * io.slotraft.node.metagroup.MetaProposer}, the way any node gets a change or a report into meta's
 * log (proposed here when this replica leads, else forwarded one hop to the leader). What the state
 * means lives in {@code io.slotraft.node.meta}; acting on it in {@code io.slotraft.node.reconcile}.
 */
package io.slotraft.node.metagroup;
