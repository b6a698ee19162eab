package io.slotraft.node.session;

import io.slotraft.node.command.GlobPattern;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The node's parameters as CONFIG sees them, in a stable order. */
public final class ConfigTable {
  private final Map<String, ConfigParameter> byName = new LinkedHashMap<>();

  public ConfigTable(List<ConfigParameter> parameters) {
    for (ConfigParameter parameter : parameters) {
      if (byName.putIfAbsent(parameter.name(), parameter) != null) {
        throw new IllegalArgumentException("config parameter declared twice: " + parameter.name());
      }
    }
  }

  /** Parameters whose names match a Redis glob pattern, without regard to case. */
  public List<ConfigParameter> matching(String pattern) {
    GlobPattern glob = GlobPattern.compile(pattern.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    return byName.values().stream().filter(p -> glob.matches(p.name().getBytes(StandardCharsets.UTF_8))).toList();
  }

  /** The parameter named exactly so (any case), or null. */
  public ConfigParameter get(String name) {
    return byName.get(name.toLowerCase(Locale.ROOT));
  }
}
