package io.slotraft.node.hyperloglog;

/**
 * A string with a valid HyperLogLog header whose sparse registers do not add up to 16384: Redis
 * answers INVALIDOBJ. Carries no stack trace: it is an answer, not a bug.
 */
public final class CorruptHllException extends RuntimeException {
  CorruptHllException() {
    super("corrupt HyperLogLog registers", null, false, false);
  }
}
