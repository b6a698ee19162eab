package io.slotraft.node.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the directories of replicas meta took away from this node go: renamed in place to {@code
 * <shard>.removed-<ms>} (so a mistake can still be undone by hand), then deleted once they are older
 * than the grace period. Only the rename is on the path of a move; deleting is a background chore.
 */
public final class RetiredReplicas {
  private static final Logger LOG = LoggerFactory.getLogger(RetiredReplicas.class);
  static final String MARK = ".removed-";

  private RetiredReplicas() {}

  /** Renames {@code directory} aside; returns where it went, or empty when there was none. */
  public static Optional<Path> setAside(Path directory, long nowMs) throws IOException {
    if (!Files.exists(directory)) {
      return Optional.empty();
    }
    Path aside = directory.resolveSibling(directory.getFileName() + MARK + nowMs);
    Files.move(directory, aside, StandardCopyOption.ATOMIC_MOVE);
    return Optional.of(aside);
  }

  public static boolean isRetired(Path directory) {
    return directory.getFileName().toString().contains(MARK);
  }

  /** Deletes the set-aside directories under {@code parent} older than {@code graceMs}; returns them. */
  public static List<Path> purge(Path parent, long graceMs, long nowMs) {
    List<Path> purged = new ArrayList<>();
    if (!Files.isDirectory(parent)) {
      return purged;
    }
    try (Stream<Path> entries = Files.list(parent)) {
      for (Path entry : entries.filter(RetiredReplicas::isRetired).toList()) {
        Optional<Long> at = setAsideAt(entry);
        if (at.isPresent() && nowMs - at.get() >= graceMs) {
          deleteTree(entry);
          purged.add(entry);
          LOG.info("deleted {} (set aside {} s ago)", entry, (nowMs - at.get()) / 1000);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot purge retired replicas under {}: {}", parent, e.toString());
    }
    return purged;
  }

  static Optional<Long> setAsideAt(Path directory) {
    String name = directory.getFileName().toString();
    try {
      return Optional.of(Long.parseLong(name.substring(name.lastIndexOf(MARK) + MARK.length())));
    } catch (NumberFormatException e) {
      return Optional.empty(); // not ours: leave it alone
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
