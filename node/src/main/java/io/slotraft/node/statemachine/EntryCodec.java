package io.slotraft.node.statemachine;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.slotraft.proto.v1.CommandBody;
import io.slotraft.proto.v1.ExpireKeysBody;
import io.slotraft.proto.v1.LogEntry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes Raft log entries ({@code slotraft.v1.LogEntry}). The format version is checked
 * on decode: an entry from a newer version stops the replica instead of being misapplied.
 */
public final class EntryCodec {
  /** The layout this build writes and the newest it can read. */
  public static final int FORMAT_VERSION = 1;

  private EntryCodec() {}

  public static byte[] command(long leaderTimeMs, long randomSeed, List<byte[]> argv) {
    CommandBody.Builder body = CommandBody.newBuilder().setName(new String(argv.get(0), java.nio.charset.StandardCharsets.UTF_8));
    for (int i = 1; i < argv.size(); i++) {
      body.addArgs(ByteString.copyFrom(argv.get(i)));
    }
    return LogEntry.newBuilder()
        .setFormatVersion(FORMAT_VERSION)
        .setLeaderTimeMs(leaderTimeMs)
        .setRandomSeed(randomSeed)
        .setCommand(body)
        .build()
        .toByteArray();
  }

  public static byte[] expireKeys(long leaderTimeMs, List<byte[]> keys) {
    ExpireKeysBody.Builder body = ExpireKeysBody.newBuilder();
    for (byte[] key : keys) {
      body.addKeys(ByteString.copyFrom(key));
    }
    return LogEntry.newBuilder()
        .setFormatVersion(FORMAT_VERSION)
        .setLeaderTimeMs(leaderTimeMs)
        .setExpireKeys(body)
        .build()
        .toByteArray();
  }

  public static LogEntry decode(ByteBuffer data) {
    try {
      LogEntry entry = LogEntry.parseFrom(data.duplicate());
      if (entry.getFormatVersion() < 1 || entry.getFormatVersion() > FORMAT_VERSION) {
        throw new UnreadableEntryException("log entry format version " + entry.getFormatVersion()
            + " is not known to this build (reads 1.." + FORMAT_VERSION + "); upgrade this node");
      }
      return entry;
    } catch (InvalidProtocolBufferException e) {
      throw new UnreadableEntryException("log entry is not a valid slotraft.v1.LogEntry: " + e.getMessage());
    }
  }

  /** argv of a command entry, name first, as the handlers expect it. */
  public static List<byte[]> argv(CommandBody body) {
    List<byte[]> argv = new ArrayList<>(body.getArgsCount() + 1);
    argv.add(body.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (ByteString arg : body.getArgsList()) {
      argv.add(arg.toByteArray());
    }
    return argv;
  }

  /** An entry no replica may skip or guess at: applying stops and the replica reports the fault. */
  public static final class UnreadableEntryException extends RuntimeException {
    public UnreadableEntryException(String message) {
      super(message);
    }
  }
}
