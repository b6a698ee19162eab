package io.slotraft.node.recovery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A file in a replica's directory saying that the replica's Raft log was lost with the node's
 * damaged log store. Such a replica still has its Raft meta (term, vote) and snapshots, and JRaft
 * would start it as if its log simply ended at the snapshot: it could then vote and count toward
 * majorities without entries it had acknowledged. The marker makes it go through the rebuild
 * instead, and being a file in that directory, it survives restarts until the directory is set
 * aside by the rebuild.
 */
public final class LostLogMarker {
  static final String FILE_NAME = "RAFT_LOG_LOST";

  private LostLogMarker() {}

  /**
   * Marks every replica directory that has state (a directory is created for a replica before it
   * starts). Each marker is forced to disk before this returns: the store is set aside only after.
   */
  public static void markAll(List<Path> replicaDirectories, String damage) throws IOException {
    for (Path directory : replicaDirectories) {
      if (!Files.isDirectory(directory)) {
        continue;
      }
      Path marker = directory.resolve(FILE_NAME);
      try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(StandardCharsets.UTF_8.encode(damage));
        channel.force(true);
      }
      // The file's name lives in the directory: force that too, or a power cut could lose the marker.
      try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
        dir.force(true);
      }
    }
  }

  /** The damage the marker records, when the directory has one. */
  public static Optional<String> find(Path replicaDirectory) {
    Path marker = replicaDirectory.resolve(FILE_NAME);
    if (!Files.exists(marker)) {
      return Optional.empty();
    }
    try {
      return Optional.of("its Raft log was lost with the node's log store (" + Files.readString(marker) + ")");
    } catch (IOException e) {
      return Optional.of("its Raft log was lost with the node's log store");
    }
  }
}
