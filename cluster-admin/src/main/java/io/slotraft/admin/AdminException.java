package io.slotraft.admin;

/** A failure to report to the operator as one line, without a stack trace; the CLI exits with 1. */
final class AdminException extends RuntimeException {
  AdminException(String message) {
    super(message);
  }
}
