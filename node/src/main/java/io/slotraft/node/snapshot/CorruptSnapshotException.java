package io.slotraft.node.snapshot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A snapshot on disk that must not be loaded: missing or unreadable manifest, unknown format,
 * data file missing or not matching its size or checksum, or a value this version cannot decode.
 * The message names the file and what is wrong with it.
 */
public final class CorruptSnapshotException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public CorruptSnapshotException(Path file, String problem) {
    super("corrupt snapshot file " + file + ": " + problem);
    this.file = file;
  }

  public CorruptSnapshotException(Path file, String problem, Throwable cause) {
    super("corrupt snapshot file " + file + ": " + problem, cause);
    this.file = file;
  }

  /** The file found wrong. */
  public Path file() {
    return file;
  }
}
