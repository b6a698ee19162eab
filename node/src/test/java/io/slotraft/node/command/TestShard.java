package io.slotraft.node.command;

import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One keyspace with a hand-driven clock, as a shard's state machine sees it: a write runs in an
 * apply context at "now" with a fresh seed (as a log entry would carry), a read in a read context.
 */
final class TestShard {
  /** 2023-11-14T22:13:20Z: a realistic "now" that makes overflow checks meaningful. */
  static final long START_MS = 1_700_000_000_000L;

  private final Keyspace keyspace = new Keyspace();
  private long nowMs = START_MS;
  private long nextSeed = 1;

  Keyspace keyspace() {
    return keyspace;
  }

  long nowMs() {
    return nowMs;
  }

  void setNow(long nowMs) {
    this.nowMs = nowMs;
  }

  void advance(long ms) {
    nowMs += ms;
  }

  Reply exec(String... words) {
    return exec(Arrays.stream(words).map(w -> w.getBytes(StandardCharsets.UTF_8)).toList());
  }

  Reply exec(List<byte[]> argv) {
    return CommandRunner.exec(contextFor(argv), argv);
  }

  ExecutionContext contextFor(List<byte[]> argv) {
    boolean write = CommandRunner.spec(argv).isWrite();
    return write ? ExecutionContext.forApply(keyspace, nowMs, nextSeed++) : ExecutionContext.forRead(keyspace, nowMs);
  }
}
