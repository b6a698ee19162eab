package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's ACL categories as COMMAND INFO reports them, derived the way Redis derives the
 * implicit ones (write, read, admin and dangerous, pubsub, fast or slow, blocking) plus the
 * category named after the command's data-type group. Listed in Redis's category order.
 */
final class AclCategories {
  /** Redis's categories in the order COMMAND INFO lists them. */
  private static final List<String> ORDER = List.of("keyspace", "read", "write", "set", "sortedset", "list",
      "hash", "string", "bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking",
      "dangerous", "connection", "transaction", "scripting");

  private static final Map<String, String> BY_GROUP = Map.ofEntries(Map.entry("generic", "keyspace"),
      Map.entry("string", "string"), Map.entry("list", "list"), Map.entry("set", "set"),
      Map.entry("sorted-set", "sortedset"), Map.entry("hash", "hash"), Map.entry("pubsub", "pubsub"),
      Map.entry("transactions", "transaction"), Map.entry("connection", "connection"),
      Map.entry("scripting", "scripting"), Map.entry("hyperloglog", "hyperloglog"), Map.entry("geo", "geo"),
      Map.entry("stream", "stream"), Map.entry("bitmap", "bitmap"));

  private AclCategories() {}

  /**
   * The categories, each with its '@'. {@code group} is null for a container command, which
   * Redis gives no group category: only its subcommands carry one.
   */
  static List<String> of(Set<CommandFlag> flags, String group) {
    List<String> names = new ArrayList<>();
    if (group != null && BY_GROUP.containsKey(group)) {
      names.add(BY_GROUP.get(group));
    }
    addIf(names, flags.contains(CommandFlag.WRITE), "write");
    addIf(names, flags.contains(CommandFlag.READONLY), "read");
    addIf(names, flags.contains(CommandFlag.ADMIN), "admin");
    addIf(names, flags.contains(CommandFlag.ADMIN), "dangerous");
    addIf(names, flags.contains(CommandFlag.PUBSUB), "pubsub");
    addIf(names, flags.contains(CommandFlag.FAST), "fast");
    addIf(names, !flags.contains(CommandFlag.FAST), "slow");
    addIf(names, flags.contains(CommandFlag.BLOCKING), "blocking");
    return ORDER.stream().filter(names::contains).map(name -> "@" + name).toList();
  }

  private static void addIf(List<String> names, boolean condition, String name) {
    if (condition && !names.contains(name)) {
      names.add(name);
    }
  }
}
