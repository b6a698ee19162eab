package io.slotraft.node.snapshot;

import com.google.protobuf.InvalidProtocolBufferException;
import io.slotraft.proto.v1.SnapshotManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes {@value SnapshotFormat#MANIFEST_FILE}; checking its content is the reader's job. */
final class ManifestFile {
  private ManifestFile() {}

  static Path path(Path dir) {
    return dir.resolve(SnapshotFormat.MANIFEST_FILE);
  }

  /** Writes the manifest atomically: it is the commit point of a snapshot, so it must never be half there. */
  static void write(Path dir, SnapshotManifest manifest) throws IOException {
    DurableFiles.replaceAtomically(path(dir), manifest.toByteArray());
  }

  static SnapshotManifest read(Path dir) throws IOException {
    Path file = path(dir);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CorruptSnapshotException(file, "manifest is missing (the snapshot was never completed?)", e);
    }
    try {
      return SnapshotManifest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptSnapshotException(file, "manifest is not a SnapshotManifest (" + e.getMessage() + ")", e);
    }
  }
}
