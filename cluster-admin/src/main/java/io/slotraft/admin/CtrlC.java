package io.slotraft.admin;

/**
 * Ctrl-C while a command follows an operation. The real one is a JVM shutdown hook: it runs on its
 * own thread while the command's thread keeps polling, and the JVM halts once it returns, so the
 * action must print everything itself. A command that ends normally removes its registration first,
 * or the hook would also run at the CLI's own exit.
 */
interface CtrlC {
  Registration onCtrlC(Runnable action);

  /** Undoes {@link #onCtrlC}. */
  interface Registration {
    void remove();
  }

  CtrlC SHUTDOWN_HOOK = action -> {
    Thread hook = new Thread(action, "slotraft-admin-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    return () -> {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C came as the command ended: the hook runs anyway, and says what keeps running.
      }
    };
  };
}
