package io.slotraft.node.session;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * INFO [section ...]: chooses sections as Redis 7 does, merges in the facts only the running node
 * knows ({@link NodeServices#infoFacts()}) and prints Redis's text format: a "# Title" line per
 * section, "name:value" lines, CRLF line ends and one empty line between sections.
 */
public final class InfoRenderer {
  /** Sections "default" leaves out, as Redis leaves out its per-command statistics. */
  private static final Set<String> NOT_IN_DEFAULT = Set.of("commandstats");

  private static final Map<String, String> TITLES = Map.of("cpu", "CPU");

  private InfoRenderer() {}

  public static String render(NodeServices node, List<String> requested) {
    Map<String, Map<String, String>> sections = InfoSections.of(node);
    mergeFacts(sections, node.infoFacts());
    Set<String> chosen = choose(sections.keySet(), requested);
    StringBuilder text = new StringBuilder();
    sections.forEach((name, fields) -> {
      if (!chosen.contains(name)) {
        return;
      }
      text.append(text.length() == 0 ? "" : "\r\n").append("# ").append(title(name)).append("\r\n");
      fields.forEach((field, value) -> text.append(field).append(':').append(value).append("\r\n"));
    });
    return text.toString();
  }

  /**
   * A fact replaces the field of the same name where it stands, or is added at the section's end;
   * a section only the node knows (e.g. "raft") follows Redis's sections.
   */
  static void mergeFacts(Map<String, Map<String, String>> sections, Map<String, Map<String, String>> facts) {
    if (facts == null) {
      return;
    }
    facts.forEach((section, fields) ->
        sections.computeIfAbsent(section.toLowerCase(Locale.ROOT), s -> new LinkedHashMap<>()).putAll(fields));
  }

  /** No argument means "default"; "all" and "everything" mean every section; unknown names add nothing. */
  static Set<String> choose(Set<String> available, List<String> requested) {
    Set<String> chosen = new HashSet<>();
    for (String word : requested.isEmpty() ? List.of("default") : requested) {
      String name = word.toLowerCase(Locale.ROOT);
      switch (name) {
        case "all", "everything" -> chosen.addAll(available);
        case "default" -> available.stream().filter(s -> !NOT_IN_DEFAULT.contains(s)).forEach(chosen::add);
        default -> chosen.add(name);
      }
    }
    return chosen;
  }

  private static String title(String section) {
    return TITLES.getOrDefault(section, Character.toUpperCase(section.charAt(0)) + section.substring(1));
  }
}
