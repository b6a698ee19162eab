package io.slotraft.tests.harness;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test started (a cluster, client loads) closed after it, last started first, so that clients
 * stop before the nodes they talk to: a test registers one with {@code @RegisterExtension} and hands
 * it each thing as it starts it, instead of keeping fields and a tear-down of its own. Every one is
 * closed even when another fails to; the first failure is rethrown.
 */
public final class ClosedAfterEach implements AfterEachCallback {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** Closes {@code resource} after the test; returns it. */
  public <T extends AutoCloseable> T add(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    Exception first = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
