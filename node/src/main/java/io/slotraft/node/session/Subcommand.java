package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandFlag;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One subcommand of a container command such as CLIENT or CLUSTER, declared once: COMMAND INFO,
 * COMMAND DOCS, the container's HELP and its dispatch all read this record.
 *
 * @param name lower-case subcommand name, e.g. {@code setname}
 * @param usage how HELP shows the call, e.g. {@code SETNAME <name>}
 * @param arity Redis arity counted from the container's name: CLIENT SETNAME x is 3
 * @param flags Redis flags of the subcommand
 * @param summary one line for HELP and COMMAND DOCS
 * @param since the Redis version that introduced the subcommand
 */
public record Subcommand(String name, String usage, int arity, Set<CommandFlag> flags, String summary,
    String since, SessionHandler handler) {

  public Subcommand {
    name = name.toLowerCase(Locale.ROOT);
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    if (arity == 0) {
      throw new IllegalArgumentException(name + ": arity 0 is not a Redis arity");
    }
  }

  /** Shorthand with the flags last, as the CLIENT, COMMAND and CLUSTER tables write them. */
  public static Subcommand of(String name, String usage, int arity, String summary, String since,
      SessionHandler handler, CommandFlag... flags) {
    return new Subcommand(name, usage, arity, Set.of(flags), summary, since, handler);
  }

  public boolean acceptsArgc(int argc) {
    return arity > 0 ? argc == arity : argc >= -arity;
  }

  /** {@code container|name}, how Redis names a subcommand in COMMAND, errors and commandstats. */
  public String fullName(String container) {
    return container + "|" + name;
  }
}
