/**
 * A node following meta: {@link io.slotraft.node.reconcile.ReplicaReconciler} reads meta's topology
 * (from the node's own meta replica or from the meta members), starts the replicas meta assigns to
 * this node, and hands the topology to routing; {@link io.slotraft.node.reconcile.NodeReporter}
 * tells meta what the node runs and leads. The decision is a pure function, {@link
 * io.slotraft.node.reconcile.ReplicaPlan}: assigned minus running is to start; running minus
 * assigned would be to stop, which waits for replica moves to exist.
 */
package io.slotraft.node.reconcile;
