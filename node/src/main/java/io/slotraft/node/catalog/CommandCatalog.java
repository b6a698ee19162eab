package io.slotraft.node.catalog;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The table of every command the node understands, by lower-case name. Built once at start-up; a
 * duplicate name or an inconsistent entry fails the build of the table, not a request later.
 */
public final class CommandCatalog {
  private final Map<String, CommandSpec> byName;

  private CommandCatalog(Map<String, CommandSpec> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The entry for {@code name} in any case, or null. */
  public CommandSpec lookup(String name) {
    CommandSpec spec = byName.get(name);
    return spec != null ? spec : byName.get(name.toLowerCase(Locale.ROOT));
  }

  public Collection<CommandSpec> all() {
    return byName.values();
  }

  public int size() {
    return byName.size();
  }

  /** Collects entries; each command group registers its own with {@link #command}. */
  public static final class Builder {
    private final Map<String, CommandSpec> byName = new LinkedHashMap<>();

    public EntryBuilder command(String name, int arity) {
      return new EntryBuilder(this, name.toLowerCase(Locale.ROOT), arity);
    }

    void add(CommandSpec spec) {
      if (byName.putIfAbsent(spec.name(), spec) != null) {
        throw new IllegalStateException("command declared twice: " + spec.name());
      }
    }

    public CommandCatalog build() {
      return new CommandCatalog(new LinkedHashMap<>(byName));
    }
  }

  /** Fluent description of one entry, finished by {@link #handler}. */
  public static final class EntryBuilder {
    private final Builder owner;
    private final String name;
    private final int arity;
    private final EnumSet<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);
    private KeySpec keys = KeySpec.NONE;
    private String group = "generic";
    private String summary = "";
    private String since = "1.0.0";
    private ArgumentCheck arguments = ArgumentCheck.UNDECLARED;

    private EntryBuilder(Builder owner, String name, int arity) {
      this.owner = owner;
      this.name = name;
      this.arity = arity;
    }

    public EntryBuilder flags(CommandFlag... flags) {
      this.flags.addAll(Arrays.asList(flags));
      return this;
    }

    /** Keys at argv[first..last] every {@code step}; {@code last} negative counts from the end. */
    public EntryBuilder keys(int first, int last, int step) {
      this.keys = KeySpec.of(first, last, step);
      return this;
    }

    /**
     * After the keys of {@link #keys}: argv[countIndex] is a count of the keys that follow it
     * (Redis's numkeys), so routing sees every key of the command.
     */
    public EntryBuilder keyCount(int countIndex) {
      this.keys = keys.counted(countIndex);
      return this;
    }

    /** How a write's arguments are checked before it is proposed; {@link ArgumentCheck#NONE} to say no check is needed. */
    public EntryBuilder arguments(ArgumentCheck check) {
      this.arguments = check;
      return this;
    }

    public EntryBuilder group(String group) {
      this.group = group;
      return this;
    }

    public EntryBuilder summary(String summary) {
      this.summary = summary;
      return this;
    }

    public EntryBuilder since(String since) {
      this.since = since;
      return this;
    }

    public void handler(CommandHandler handler) {
      owner.add(new CommandSpec(name, arity, flags, keys, group, summary, since, handler, arguments));
    }
  }
}
