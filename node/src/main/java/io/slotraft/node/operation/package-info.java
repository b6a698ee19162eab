/**
 * Operations: durable, multi-step changes to the cluster's shape (move a replica, drain a node,
 * rebalance), recorded in meta ({@code Operation} in meta.proto) and advanced one idempotent step
 * at a time by the {@link io.slotraft.node.operation.OperationRunner} on the meta leader. Each kind
 * has its own package with what meta records of it (an {@link io.slotraft.node.meta.OperationKind},
 * pure) and its {@link io.slotraft.node.operation.StepDriver}; each package comment lists the steps and
 * what a crash between any two of them does.
 *
 * <p>Rules every kind keeps: a step checks the cluster before it acts (an earlier driver may have
 * acted and died before recording it); a step is recorded only while the operation is still at the
 * step the driver read ({@code AdvanceOperation.from_step}), so a deposed leader's late record
 * changes nothing; a shard never has fewer voters than before the operation started, and only one
 * operation changes a shard's replicas at a time.
 */
package io.slotraft.node.operation;
