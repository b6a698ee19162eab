package io.slotraft.admin;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when the CLI sleeps: waits and timeouts take no real time and never flake. */
final class FakeTicker implements Ticker {
  private final AtomicLong nowMs;

  FakeTicker(long startMs) {
    this.nowMs = new AtomicLong(startMs);
  }

  @Override
  public long wallMs() {
    return nowMs.get();
  }

  @Override
  public long monotonicMs() {
    return nowMs.get();
  }

  @Override
  public void sleep(long ms) {
    nowMs.addAndGet(ms);
  }
}
