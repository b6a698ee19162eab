package io.slotraft.admin;

import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.ProposeReply;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Proposing one change to meta and saying what became of it. Meta answers a change it will not
 * make with {@code changed = false} and its reason, not with a gRPC error; the CLI turns that into
 * an {@link AdminException} "{@code refused}: meta's reason", so every command fails the same way.
 */
final class MetaChange {
  private MetaChange() {}

  /** Proposes {@code command}; returns meta's reply if meta made the change, else throws naming what it refused. */
  static ProposeReply propose(MetaClient meta, MetaCommand command, String refused) {
    return madeOrRefused(meta.propose(command), refused);
  }

  /**
   * {@link #propose}, reported on {@code out}: with {@code --json} meta's reply is the document,
   * printed before a refusal is thrown so that a script sees meta's reason too; otherwise the line
   * {@code made(reply)} once meta has made the change.
   */
  static void proposeAndReport(MetaClient meta, MetaCommand command, String refused, PrintWriter out, boolean json,
      Function<ProposeReply, String> made) {
    ProposeReply reply = meta.propose(command);
    if (json) {
      Json.print(out, Json.reply(reply));
    }
    madeOrRefused(reply, refused);
    if (!json) {
      out.println(made.apply(reply));
      out.flush();
    }
  }

  private static ProposeReply madeOrRefused(ProposeReply reply, String refused) {
    if (!reply.getChanged()) {
      throw new AdminException(refused + ": " + reply.getDescription());
    }
    return reply;
  }
}
