package io.slotraft.admin;

/** Time as the CLI reads and waits on it; a test's ticker advances only when the CLI sleeps. */
interface Ticker {
  /** Wall-clock milliseconds: for ages on screen and the {@code at_ms} of proposals, never for deadlines. */
  long wallMs();

  /** Monotonic milliseconds: for deadlines. */
  long monotonicMs();

  void sleep(long ms) throws InterruptedException;

  Ticker SYSTEM = new Ticker() {
    @Override
    public long wallMs() {
      return System.currentTimeMillis();
    }

    @Override
    public long monotonicMs() {
      return System.nanoTime() / 1_000_000;
    }

    @Override
    public void sleep(long ms) throws InterruptedException {
      Thread.sleep(ms);
    }
  };
}
