package io.slotraft.node.statemachine;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.InvalidProtocolBufferException;
import io.slotraft.proto.v1.CommandBatchBody;
import io.slotraft.proto.v1.CommandBody;
import io.slotraft.proto.v1.ExpireKeysBody;
import io.slotraft.proto.v1.LogEntry;
import io.slotraft.proto.v1.MergeBody;
import io.slotraft.proto.v1.SplitBody;
import io.slotraft.proto.v1.TransactionBody;
import io.slotraft.proto.v1.WatchedKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes Raft log entries ({@code slotraft.v1.LogEntry}). The format version is checked
 * on decode: an entry from a newer version stops the replica instead of being misapplied.
 *
 * <p>Each entry is stamped with the oldest version that can read it, not the newest this build
 * knows: single commands and expiry stay readable by version-1 replicas during a rolling upgrade,
 * and only batches, which a version-1 replica would misread as empty, demand version 2.
 */
public final class EntryCodec {
  /**
   * The newest layout this build reads: 2 added {@code command_batch}, 3 {@code transaction}, 4 the
   * client sequence of a command, 5 a split, 6 a merge's steps.
   */
  public static final int FORMAT_VERSION = 6;
  /** Single commands and expiry: unchanged since the first layout. */
  static final int SINGLE_BODY_VERSION = 1;
  static final int BATCH_VERSION = 2;
  static final int TRANSACTION_VERSION = 3;
  static final int CLIENT_SEQUENCE_VERSION = 4;
  static final int SPLIT_VERSION = 5;
  static final int MERGE_VERSION = 6;

  private EntryCodec() {}

  public static byte[] command(long leaderTimeMs, long randomSeed, List<byte[]> argv) {
    return command(leaderTimeMs, randomSeed, LoggedCommand.of(argv));
  }

  public static byte[] command(long leaderTimeMs, long randomSeed, LoggedCommand command) {
    return LogEntry.newBuilder()
        .setFormatVersion(command.client() == null ? SINGLE_BODY_VERSION : CLIENT_SEQUENCE_VERSION)
        .setLeaderTimeMs(leaderTimeMs)
        .setRandomSeed(randomSeed)
        .setCommand(body(command))
        .build()
        .toByteArray();
  }

  /** Several commands in one entry, applied in order; see {@link #commandSeed} for their seeds. */
  public static byte[] commandBatch(long leaderTimeMs, long randomSeed, List<LoggedCommand> commands) {
    CommandBatchBody.Builder batch = CommandBatchBody.newBuilder();
    int version = BATCH_VERSION;
    for (LoggedCommand command : commands) {
      batch.addCommands(body(command));
      version = command.client() == null ? version : CLIENT_SEQUENCE_VERSION;
    }
    return LogEntry.newBuilder()
        .setFormatVersion(version)
        .setLeaderTimeMs(leaderTimeMs)
        .setRandomSeed(randomSeed)
        .setCommandBatch(batch)
        .build()
        .toByteArray();
  }

  /**
   * MULTI ... EXEC as one entry: {@code commands} run in order (seeds as in a batch) unless one of
   * {@code watches} changed since it was watched.
   */
  public static byte[] transaction(long leaderTimeMs, long randomSeed, List<List<byte[]>> commands,
      List<KeyWatch> watches) {
    TransactionBody.Builder transaction = TransactionBody.newBuilder();
    for (List<byte[]> argv : commands) {
      transaction.addCommands(body(argv));
    }
    for (KeyWatch watch : watches) {
      transaction.addWatched(WatchedKey.newBuilder()
          .setKey(ByteString.copyFrom(watch.key()))
          .setWatchedIndex(watch.watchedIndex())
          .setWatchedAtMs(watch.watchedAtMs()));
    }
    return LogEntry.newBuilder()
        .setFormatVersion(TRANSACTION_VERSION)
        .setLeaderTimeMs(leaderTimeMs)
        .setRandomSeed(randomSeed)
        .setTransaction(transaction)
        .build()
        .toByteArray();
  }

  private static CommandBody body(LoggedCommand command) {
    CommandBody.Builder body = bodyBuilder(command.argv());
    ClientSequence client = command.client();
    if (client != null) {
      body.setClient(io.slotraft.proto.v1.ClientSequence.newBuilder()
          .setClientId(client.clientId())
          .setSequence(client.sequence())
          .setFirstUnanswered(client.firstUnanswered()));
    }
    return body.build();
  }

  /** The client sequence a command entry carries, or null. */
  public static ClientSequence clientOf(CommandBody body) {
    if (!body.hasClient()) {
      return null;
    }
    var client = body.getClient();
    try {
      return new ClientSequence(client.getClientId(), client.getSequence(), client.getFirstUnanswered());
    } catch (IllegalArgumentException e) {
      throw new UnreadableEntryException("log entry carries an impossible client sequence: " + e.getMessage());
    }
  }

  private static CommandBody body(List<byte[]> argv) {
    return bodyBuilder(argv).build();
  }

  /**
   * Arguments are wrapped, not copied: an argv's arrays are the front end's own, made fresh for each
   * command and never written after decoding, and the entry is serialised before it is proposed.
   */
  private static CommandBody.Builder bodyBuilder(List<byte[]> argv) {
    CommandBody.Builder body = CommandBody.newBuilder().setName(new String(argv.get(0), StandardCharsets.UTF_8));
    for (int i = 1; i < argv.size(); i++) {
      body.addArgs(UnsafeByteOperations.unsafeWrap(argv.get(i)));
    }
    return body;
  }

  /**
   * The random seed of the command at {@code position} in a batch entry: SplitMix64 of the entry's
   * seed and the position, so that neighbours in a batch do not share random choices. Part of the
   * log format: every replica, now and after any upgrade, must derive the same value.
   */
  public static long commandSeed(long entrySeed, int position) {
    long z = entrySeed + (position + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public static byte[] expireKeys(long leaderTimeMs, List<byte[]> keys) {
    ExpireKeysBody.Builder body = ExpireKeysBody.newBuilder();
    for (byte[] key : keys) {
      body.addKeys(ByteString.copyFrom(key));
    }
    return LogEntry.newBuilder()
        .setFormatVersion(SINGLE_BODY_VERSION)
        .setLeaderTimeMs(leaderTimeMs)
        .setExpireKeys(body)
        .build()
        .toByteArray();
  }

  /**
   * An entry without a body: it changes nothing, but a new leader's first one (Raft's no-op) lets
   * every replica, a deposed leader too, see a data entry of the new term applied at once, which is
   * what decides the fate of writes the deposed leader was still waiting on.
   */
  public static byte[] noOp(long leaderTimeMs) {
    return LogEntry.newBuilder()
        .setFormatVersion(SINGLE_BODY_VERSION)
        .setLeaderTimeMs(leaderTimeMs)
        .build()
        .toByteArray();
  }

  /** A split: the shard keeps the slots below {@code splitSlot}; see {@code SplitBody} in entry.proto. */
  public static byte[] split(long leaderTimeMs, int splitSlot, String newShardId, long operationId,
      List<String> voterEndpoints) {
    return LogEntry.newBuilder()
        .setFormatVersion(SPLIT_VERSION)
        .setLeaderTimeMs(leaderTimeMs)
        .setSplit(SplitBody.newBuilder().setSplitSlot(splitSlot).setNewShardId(newShardId).setOperationId(operationId)
            .addAllVoterEndpoints(voterEndpoints))
        .build()
        .toByteArray();
  }

  /** One step of a merge; see {@code MergeBody} in entry.proto. */
  public static byte[] merge(long leaderTimeMs, MergeBody step) {
    return LogEntry.newBuilder()
        .setFormatVersion(MERGE_VERSION)
        .setLeaderTimeMs(leaderTimeMs)
        .setMerge(step)
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
    argv.add(body.getName().getBytes(StandardCharsets.UTF_8));
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
