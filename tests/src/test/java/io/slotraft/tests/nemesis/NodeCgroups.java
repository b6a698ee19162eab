package io.slotraft.tests.nemesis;

import io.slotraft.tests.harness.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One cgroup (v2) per node, so that a packet filter rule can tell which node a connection comes from.
 * On loopback every node's outgoing connections leave from 127.0.0.1, whatever address the node
 * listens on (the kernel picks the source address, and neither JRaft's Bolt client nor gRPC binds
 * one): the address of a packet names the node it goes to, never the node it comes from. The cgroup
 * of the sending socket does.
 *
 * <p>Layout: {@code <cgroup2 mount>/slotraft_nemesis/<test JVM pid>/<node>}. A run that crashed
 * leaves empty directories behind; they are removed at the next start.
 */
public final class NodeCgroups implements AutoCloseable {
  private static final Path NFT_CGROUP_ROOT = Path.of("/sys/fs/cgroup");
  private static final String PARENT = "slotraft_nemesis";

  private final Path mount;
  private final Path runDirectory;
  private final Map<String, Path> byNode = new LinkedHashMap<>();

  private NodeCgroups(Path mount, Path runDirectory) {
    this.mount = mount;
    this.runDirectory = runDirectory;
  }

  /** Creates a cgroup for each node and has each later start of the node run inside its own. */
  public static NodeCgroups create(List<NodeProcess> nodes) throws IOException {
    Path mount = cgroup2Mount();
    Path parent = mount.resolve(PARENT);
    Files.createDirectories(parent);
    removeEmptyLeftovers(parent);
    NodeCgroups cgroups = new NodeCgroups(mount, parent.resolve(Long.toString(ProcessHandle.current().pid())));
    for (NodeProcess node : nodes) {
      Path directory = cgroups.runDirectory.resolve(node.name());
      Files.createDirectories(directory);
      cgroups.byNode.put(node.name(), directory);
      node.joinCgroupOnStart(directory.resolve("cgroup.procs"));
    }
    return cgroups;
  }

  /** The node's cgroup as nft names it: a path under {@code /sys/fs/cgroup}, where nft looks it up. */
  public String nftPath(String node) {
    return NFT_CGROUP_ROOT.relativize(byNode.get(node)).toString();
  }

  /** The depth of the nodes' cgroups below the root of the v2 hierarchy, nft's {@code level}. */
  public int level() {
    return mount.relativize(byNode.values().iterator().next()).getNameCount();
  }

  /**
   * The cgroup2 mount: {@code /sys/fs/cgroup} on a pure v2 system, {@code /sys/fs/cgroup/unified}
   * on a hybrid one. nft resolves cgroup paths under {@code /sys/fs/cgroup}, so it must be there.
   */
  private static Path cgroup2Mount() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String[] halves = line.split(" - ", 2);
      if (halves.length == 2 && halves[1].startsWith("cgroup2 ")) {
        Path mount = Path.of(halves[0].split(" ")[4]);
        if (mount.startsWith(NFT_CGROUP_ROOT) && Files.isWritable(mount)) {
          return mount;
        }
      }
    }
    throw new IllegalStateException("partitions need a writable cgroup v2 hierarchy under " + NFT_CGROUP_ROOT
        + " (run as root on Linux)");
  }

  private static void removeEmptyLeftovers(Path parent) throws IOException {
    try (Stream<Path> runs = Files.list(parent)) {
      for (Path run : runs.toList()) {
        removeIfEmpty(run);
      }
    }
  }

  /** rmdir of a cgroup fails while a process is in it, which is what we want: never pull one out. */
  private static void removeIfEmpty(Path run) {
    try (Stream<Path> children = Files.list(run)) {
      for (Path child : children.filter(Files::isDirectory).toList()) {
        Files.deleteIfExists(child);
      }
      Files.deleteIfExists(run);
    } catch (IOException stillInUse) {
      // Busy (its nodes still run) or gone: either way not ours to touch.
    }
  }

  /** Removes the cgroups; call once the nodes are dead. */
  @Override
  public void close() {
    removeIfEmpty(runDirectory);
  }
}
