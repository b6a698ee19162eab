/**
 * The {@code slotraft-admin} command line: inspecting and reshaping a cluster through any node's
 * {@code MetaService}. It never decides a change itself: it turns names into ids, proposes the
 * command, and shows what meta says and does. Meta checks every change and says why it refuses; the
 * node's operation driver runs moves, drains and rebalances step by step, whether or not a CLI
 * watches.
 *
 * <ul>
 *   <li>Subcommands, one class each: {@code StatusCommand}, {@code
 *       OperationsCommand}, {@code SetPreferredLeaderCommand}, {@code MoveReplicaCommand}, {@code
 *       DrainCommand}, {@code RemoveNodeCommand}, {@code RebalanceCommand}, {@code CancelCommand};
 *       {@code AdminMain} lists them and maps failures to exit codes (0 done, 1 refused or failed,
 *       2 bad usage). Each extends {@code Subcommand} ({@code --node}, the context, its writers).
 *       Shared options: {@code NodeMixin}, {@code WaitOption}, {@code MaxConcurrentMovesOption},
 *       {@code Counts}.</li>
 *   <li>Reaching meta: {@code MetaClient} (gRPC, failures as one-line {@code AdminException}s),
 *       {@code MetaCommands} (the only place that knows each command's format version), {@code
 *       MetaChange} (proposes a change; meta's refusal becomes an {@code AdminException}), {@code
 *       MetaView} (lookups over one read of meta: names and ids, holdings, operations).</li>
 *   <li>Following an operation: {@code OperationRun} (start, follow, exit code, Ctrl-C), {@code
 *       OperationFollower} (the polling loop), {@code ProgressDisplay} with {@code BarDisplay}
 *       (terminal) and {@code LineDisplay} (logs), both on {@code PerOperationDisplay}.</li>
 *   <li>Rendering: {@code StatusText}/{@code StatusJson}, {@code OperationText}/{@code
 *       OperationJson}, {@code PlanText}, on {@code Table}, {@code Units} and {@code Json} (field
 *       conventions of every {@code --json} document).</li>
 *   <li>The world, replaceable in tests: {@code AdminContext} (channels, {@code Ticker}, {@code CtrlC}).</li>
 * </ul>
 *
 * <p>Not here: meta's rules and entry formats, the rebalance planner, the operation steps (all in
 * the node).
 */
package io.slotraft.admin;
