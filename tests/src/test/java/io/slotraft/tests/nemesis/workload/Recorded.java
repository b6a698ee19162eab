package io.slotraft.tests.nemesis.workload;

import io.slotraft.tests.history.Event;
import io.slotraft.tests.history.Invocation;

/** Completes an invocation with what happened to its operation. */
final class Recorded {
  private Recorded() {}

  /** An operation that answers a result (reads) or answers only "done" (null: ok with its argument). */
  @FunctionalInterface
  interface Action {
    Object run() throws NotAppliedException, IndeterminateException;
  }

  /** An update: ok with its argument. */
  static Event update(Invocation invocation, Action action) {
    return complete(invocation, action, false);
  }

  /** A read: ok with what it read. */
  static Event read(Invocation invocation, Action action) {
    return complete(invocation, action, true);
  }

  private static Event complete(Invocation invocation, Action action, boolean isRead) {
    Object result;
    try {
      result = action.run();
    } catch (NotAppliedException notApplied) {
      return invocation.fail(notApplied.getMessage());
    } catch (IndeterminateException unknown) {
      return invocation.info(unknown.getMessage());
    } catch (RuntimeException unexpected) {
      // A bug in the client library or here: we cannot know whether the request went out.
      return invocation.info("unexpected " + unexpected);
    }
    return isRead ? invocation.ok(result) : invocation.ok();
  }
}
