package io.slotraft.admin;

/**
 * Ctrl-C as a test presses it: runs the registered action on the pressing thread, as the JVM runs a
 * shutdown hook on a thread of its own while the command's thread goes on.
 */
final class FakeCtrlC implements CtrlC {
  private volatile Runnable action;

  @Override
  public Registration onCtrlC(Runnable action) {
    this.action = action;
    return () -> this.action = null;
  }

  /** Runs the action if a command registered one and has not removed it. */
  void press() {
    Runnable registered = action;
    if (registered != null) {
      registered.run();
    }
  }

  boolean registered() {
    return action != null;
  }
}
