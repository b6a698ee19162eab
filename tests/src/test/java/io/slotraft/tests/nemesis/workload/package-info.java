/**
 * Workloads whose every operation is recorded in a {@link io.slotraft.tests.history.History} for a
 * checker: registers (GET, SET, compare-and-set with WATCH/MULTI/EXEC), sets (SADD), counters
 * (INCRBY) and bank transfers (MULTI/EXEC between accounts of one hash tag), over RESP (Jedis) and
 * gRPC (the smart client).
 *
 * <p>The one rule that makes the checkers sound: an operation is recorded as {@code fail} only when
 * it certainly did not take effect (refused before it was sent, a redirect, TRYAGAIN, EXECABORT, a
 * compare that did not match, a WATCH abort); anything else that is not a reply (a timeout, a broken
 * connection after sending, "may or may not have been applied", an error we do not know) is
 * {@code info}. {@link io.slotraft.tests.nemesis.workload.RespClient} and
 * {@link io.slotraft.tests.nemesis.workload.GrpcClient} turn what the client libraries throw into
 * {@link io.slotraft.tests.nemesis.workload.NotAppliedException} or
 * {@link io.slotraft.tests.nemesis.workload.IndeterminateException}, and
 * {@link io.slotraft.tests.nemesis.workload.Recorded} into the completion. No assertion here: the
 * checkers judge.
 */
package io.slotraft.tests.nemesis.workload;
