package io.slotraft.node.raft;

import com.alipay.sofa.jraft.entity.RaftOutter.SnapshotMeta;
import com.alipay.sofa.jraft.option.RaftOptions;
import com.alipay.sofa.jraft.storage.snapshot.SnapshotWriter;
import com.alipay.sofa.jraft.storage.snapshot.local.LocalSnapshotStorage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A replica directory made ready for a group that starts from a known state instead of an empty
 * one (a split's new shard): it holds only a JRaft snapshot at a given index and term, whose
 * configuration is the group's voters. Started there, JRaft loads the snapshot, takes its
 * configuration, and the group's log begins after it, so a peer started without the state (empty)
 * is brought up to it by a snapshot install from the leader, never by replaying a log it lacks.
 * This is what JRaft's own bootstrap of a non-empty replica writes, less its configuration entry,
 * which would make the log and the directory two writes that a crash could separate.
 */
public final class SeededReplica {
  private static final String STAGING_SUFFIX = ".seeding";

  private SeededReplica() {}

  /**
   * Writes the seed of {@code replicaDirectory}: {@code state}'s files as a snapshot at {@code
   * index} and {@code term} with {@code voterEndpoints} as its configuration, staged beside the
   * directory and renamed into place once complete, so a crash leaves either no directory or a
   * whole seed. Leaves an existing directory as it is (a replica already seeded, or started) and
   * answers false then.
   */
  public static boolean write(Path replicaDirectory, long index, long term, List<String> voterEndpoints,
      ReplicatedStateMachine.SnapshotJob state) throws IOException {
    if (Files.exists(replicaDirectory)) {
      return false;
    }
    Path staging = replicaDirectory.resolveSibling(replicaDirectory.getFileName() + STAGING_SUFFIX);
    deleteRecursively(staging);
    Files.createDirectories(staging);
    RaftOptions options = new RaftOptions();
    options.setSyncMeta(true);
    LocalSnapshotStorage storage = new LocalSnapshotStorage(staging.resolve("snapshot").toString(), null, options);
    if (!storage.init(null)) {
      throw new IOException("could not prepare a snapshot directory in " + staging);
    }
    try {
      SnapshotWriter writer = storage.create();
      if (writer == null) {
        throw new IOException("could not start a snapshot in " + staging);
      }
      for (String file : state.writeTo(Path.of(writer.getPath()))) {
        if (!writer.addFile(file)) {
          throw new IOException("JRaft refused snapshot file " + file);
        }
      }
      SnapshotMeta.Builder meta = SnapshotMeta.newBuilder().setLastIncludedIndex(index).setLastIncludedTerm(term);
      voterEndpoints.forEach(meta::addPeers);
      if (!writer.saveMeta(meta.build())) {
        throw new IOException("could not record the snapshot's index and configuration in " + staging);
      }
      writer.close();
    } finally {
      storage.shutdown();
    }
    if (LocalReplicaFiles.newestSnapshot(staging).isEmpty()) {
      throw new IOException("the seed snapshot was not published in " + staging + " (see JRaft's log above)");
    }
    Files.move(staging, replicaDirectory, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(replicaDirectory.getParent());
    return true;
  }

  /** A staged seed left by a crash, which is never a replica. */
  public static boolean isStaging(Path directory) {
    return directory.getFileName().toString().endsWith(STAGING_SUFFIX);
  }

  /** Forces a directory's entries (a file created or renamed in it) to disk. */
  public static void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
