package io.slotraft.node.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** CRC32C of a whole file, the checksum the manifest records for the data file. */
final class FileChecksum {
  private static final int BUFFER_BYTES = 1 << 20;

  private FileChecksum() {}

  /** The CRC32C as the manifest's uint32 field holds it (the low 32 bits, in an int). */
  static int crc32c(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        crc.update(buffer, 0, n);
      }
    }
    return (int) crc.getValue();
  }
}
