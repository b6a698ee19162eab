package io.slotraft.node.session;

import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * One command as Redis 7's COMMAND DOCS describes it: summary, since and group, then the
 * subcommands of a container, each documented the same way. Slotraft's catalog has no per-
 * argument docs or complexity yet, and Redis leaves out fields a command does not have.
 */
final class CommandDocs {
  private CommandDocs() {}

  static Reply of(CommandEntry entry) {
    List<Reply> fields = new ArrayList<>(List.of(
        Replies.bulk("summary"), Replies.bulk(entry.summary()),
        Replies.bulk("since"), Replies.bulk(entry.since()),
        Replies.bulk("group"), Replies.bulk(entry.group())));
    if (entry.isContainer()) {
      fields.add(Replies.bulk("subcommands"));
      fields.add(namedDocs(entry.subcommands()));
    }
    return new Reply.MapReply(fields);
  }

  /** A map from each entry's full name to its docs: COMMAND DOCS's reply and its subcommands. */
  static Reply namedDocs(List<CommandEntry> entries) {
    List<Reply> pairs = new ArrayList<>();
    for (CommandEntry entry : entries) {
      pairs.add(Replies.bulk(entry.fullName()));
      pairs.add(of(entry));
    }
    return new Reply.MapReply(pairs);
  }
}
