/**
 * HyperLogLog sketches stored as strings, in the layout Redis uses, so that a sketch written by
 * Redis reads here and one written here reads in Redis, byte for byte the same after the same
 * PFADDs and PFMERGEs.
 *
 * <p>A sketch is 16384 registers of 6 bits. An element is hashed with 64-bit MurmurHash2 ({@link
 * io.slotraft.node.hyperloglog.HllHash}); the low 14 bits pick a register, which keeps the highest
 * "rank" (position of the lowest set bit among the other 50, from 1) seen. The cardinality comes
 * from the histogram of register values through Ertl's estimator ({@link
 * io.slotraft.node.hyperloglog.CardinalityEstimator}), with a standard error of about 0.81%.
 *
 * <p>The string is a 16-byte header ({@link io.slotraft.node.hyperloglog.HllLayout}) and then the
 * registers, either dense (12288 bytes, {@link io.slotraft.node.hyperloglog.DenseRegisters}) or
 * sparse (run-length opcodes, {@link io.slotraft.node.hyperloglog.SparseRegisters}, changed in
 * place by {@link io.slotraft.node.hyperloglog.SparseEditor}). A sketch starts sparse and turns
 * dense for good once a register exceeds 32 or the sparse form would pass 3000 bytes.
 *
 * <p>Read with {@link io.slotraft.node.hyperloglog.HllStrings}, which never changes its input;
 * change with {@link io.slotraft.node.hyperloglog.HllEditor}, which works on a copy. Redis caches
 * the last count in the header; here it is honoured when valid but never written, since PFCOUNT
 * is a read and must not change state. Pure code: no keyspace, no replies, no I/O.
 */
package io.slotraft.node.hyperloglog;
