/**
 * The meta group's pure core: the cluster topology it records ({@link
 * io.slotraft.node.meta.ClusterTopology}: nodes, shards, slot ranges, replicas, epoch), its
 * deterministic state machine ({@link io.slotraft.node.meta.MetaStateMachine}, where Bootstrap takes
 * effect once), its log entries and snapshot file (meta.proto, versioned, checksummed), which nodes
 * host meta ({@link io.slotraft.node.meta.MetaMembers}) and the plan a node would bootstrap with.
 * No Raft, threads, clocks or sockets here: running the group is {@code io.slotraft.node.metagroup},
 * acting on its topology is {@code io.slotraft.node.reconcile}.
 */
package io.slotraft.node.meta;
