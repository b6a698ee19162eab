/**
 * The nemesis: faults injected into a cluster of real node processes while checked workloads run,
 * and the scenarios that combine the two.
 *
 * <ul>
 *   <li>{@link io.slotraft.tests.nemesis.NodeCgroups} and {@link io.slotraft.tests.nemesis.NetworkPartitioner}:
 *       network partitions on the real path, with nftables; nodes listen on addresses of their own
 *       and run in cgroups of their own, so a rule knows which node opened a connection and which
 *       node it goes to;
 *   <li>{@link io.slotraft.tests.nemesis.Fault} and its kinds: SIGKILL and restart, SIGSTOP and
 *       SIGCONT, partitions, leader transfers, a kill during snapshot install, a kill of every node;
 *       and, held the whole run under the others, {@link io.slotraft.tests.nemesis.ReplicaMoveChurn}
 *       (replica moves, rebalances, cancelled moves and drains through {@code slotraft-admin});
 *   <li>{@link io.slotraft.tests.nemesis.FaultPlan}: the schedule, derived from the run's seed;
 *       {@link io.slotraft.tests.nemesis.Nemesis} carries it out and logs what it did when;
 *   <li>{@link io.slotraft.tests.nemesis.VoterWatch} and {@link io.slotraft.tests.nemesis.SettledTopology}:
 *       every shard's voters, sampled from Raft during the run and checked against meta once it is over;
 *   <li>{@link io.slotraft.tests.nemesis.ScenarioRun}: one scenario end to end (cluster, workload,
 *       faults, heal, topology, final reads, checkers), writing its history and verdicts under
 *       {@code target/nemesis/<scenario>-<seed>/}.
 * </ul>
 *
 * The workloads and their clients are in {@code io.slotraft.tests.nemesis.workload}; the histories
 * and checkers they feed are in {@code io.slotraft.tests.history} and {@code io.slotraft.tests.consistency}.
 */
package io.slotraft.tests.nemesis;
