package io.slotraft.node.meta;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.slotraft.proto.v1.MetaSnapshotFile;
import java.io.IOException;
import java.util.zip.CRC32C;

/**
 * A meta snapshot: the whole {@link MetaState} as one {@code MetaSnapshotFile} message whose state
 * bytes carry a CRC32C. Meta is small (kilobytes for hundreds of shards), so one file is enough.
 */
public final class MetaSnapshots {
  /** The snapshot file's name in a snapshot directory. */
  public static final String FILE_NAME = "meta-state.pb";
  static final int FORMAT_VERSION = 1;

  private MetaSnapshots() {}

  public static byte[] encode(MetaState state) {
    byte[] bytes = MetaProtos.state(state).toByteArray();
    return MetaSnapshotFile.newBuilder()
        .setFormatVersion(FORMAT_VERSION)
        .setState(ByteString.copyFrom(bytes))
        .setStateCrc32C(crc32c(bytes))
        .build()
        .toByteArray();
  }

  /** @throws IOException when the file is damaged or of a format this build does not read */
  public static MetaState decode(byte[] file) throws IOException {
    MetaSnapshotFile snapshot;
    io.slotraft.proto.v1.MetaState state;
    try {
      snapshot = MetaSnapshotFile.parseFrom(file);
      if (snapshot.getFormatVersion() != FORMAT_VERSION) {
        throw new IOException("meta snapshot format version " + snapshot.getFormatVersion() + " is not "
            + FORMAT_VERSION + "; upgrade this node");
      }
      byte[] bytes = snapshot.getState().toByteArray();
      if (crc32c(bytes) != snapshot.getStateCrc32C()) {
        throw new IOException("meta snapshot checksum mismatch: the file is damaged");
      }
      state = io.slotraft.proto.v1.MetaState.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("meta snapshot is not a valid slotraft.v1.MetaSnapshotFile: " + e.getMessage(), e);
    }
    return MetaProtos.state(state);
  }

  private static int crc32c(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return (int) crc.getValue();
  }
}
