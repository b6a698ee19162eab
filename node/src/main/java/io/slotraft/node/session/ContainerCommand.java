package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The handler of a command made of subcommands (CLIENT, COMMAND, CLUSTER). It holds the
 * subcommand table, checks each subcommand's own arity and answers unknown ones the way Redis
 * does. A HELP subcommand is added and written from the table, so the help cannot go stale.
 */
public final class ContainerCommand implements SessionHandler {
  /** Redis cuts the echoed subcommand in its error to this many characters. */
  private static final int ECHO_LIMIT = 128;

  private final String name;
  private final SessionHandler withoutSubcommand;
  private final Map<String, Subcommand> byName = new LinkedHashMap<>();

  public ContainerCommand(String name, List<Subcommand> subcommands) {
    this(name, subcommands, null);
  }

  /**
   * A container that also answers when called without a subcommand, as COMMAND does;
   * {@code withoutSubcommand} null means that call is an arity error.
   */
  public ContainerCommand(String name, List<Subcommand> subcommands, SessionHandler withoutSubcommand) {
    this.name = name.toLowerCase(Locale.ROOT);
    this.withoutSubcommand = withoutSubcommand;
    for (Subcommand subcommand : subcommands) {
      add(subcommand);
    }
    add(Subcommand.of("help", "HELP", 2, "Show this help.", "5.0.0", (s, n, a) -> help(),
        CommandFlag.LOADING, CommandFlag.STALE));
  }

  private void add(Subcommand subcommand) {
    if (byName.putIfAbsent(subcommand.name(), subcommand) != null) {
      throw new IllegalStateException("subcommand declared twice: " + subcommand.fullName(name));
    }
  }

  public String name() {
    return name;
  }

  /** Every subcommand in declaration order, HELP last. */
  public Collection<Subcommand> subcommands() {
    return Collections.unmodifiableCollection(byName.values());
  }

  /** The subcommand called {@code subcommand} in any case, or null. */
  public Subcommand subcommand(String subcommand) {
    return byName.get(subcommand.toLowerCase(Locale.ROOT));
  }

  @Override
  public Reply execute(ClientSession session, NodeServices node, CommandArgs args) {
    if (args.argc() < 2) {
      return withoutSubcommand != null ? withoutSubcommand.execute(session, node, args) : ErrorReplies.wrongArity(name);
    }
    Subcommand subcommand = subcommand(args.string(1));
    if (subcommand == null) {
      return unknownSubcommand(args.string(1));
    }
    if (!subcommand.acceptsArgc(args.argc())) {
      return ErrorReplies.wrongArity(subcommand.fullName(name));
    }
    return subcommand.handler().execute(session, node, args);
  }

  private Reply unknownSubcommand(String given) {
    String echoed = given.length() > ECHO_LIMIT ? given.substring(0, ECHO_LIMIT) : given;
    String upper = name.toUpperCase(Locale.ROOT);
    return Replies.error("ERR unknown subcommand '" + echoed + "'. Try " + upper + " HELP.");
  }

  /** Redis's help shape: a heading, then each call on one line and its summary indented below. */
  private Reply help() {
    List<Reply> lines = new ArrayList<>();
    lines.add(Replies.simple(name.toUpperCase(Locale.ROOT) + " <subcommand> [<arg> ...]. Subcommands are:"));
    for (Subcommand subcommand : byName.values()) {
      lines.add(Replies.simple(subcommand.usage()));
      lines.add(Replies.simple("    " + subcommand.summary()));
    }
    return Replies.array(lines);
  }
}
