package io.slotraft.node.raft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link LocalRaftGroup}s for a test and, after it, closes them and deletes their files: a
 * test registers one with {@code @RegisterExtension} and asks it for groups, instead of keeping a
 * temporary directory, a group field and a tear-down of its own.
 */
final class LocalRaftGroups implements AfterEachCallback {
  private final List<LocalRaftGroup> started = new ArrayList<>();
  private final List<Path> roots = new ArrayList<>();

  /** Starts a group of {@code size} replicas in a directory of its own. */
  LocalRaftGroup start(int size) throws IOException {
    return create(size, true);
  }

  /** A group of {@code size} replicas that the test starts itself (after seeding some, say). */
  LocalRaftGroup unstarted(int size) throws IOException {
    return create(size, false);
  }

  private LocalRaftGroup create(int size, boolean start) throws IOException {
    Path root = Files.createTempDirectory("local-raft-group");
    roots.add(root);
    LocalRaftGroup group = new LocalRaftGroup(root, size, start);
    started.add(group);
    return group;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (LocalRaftGroup group : started) {
      group.close();
    }
    started.clear();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
    roots.clear();
  }
}
