package io.slotraft.node.snapshot;

import com.google.protobuf.UnsafeByteOperations;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.proto.v1.ZSetSnapshot;
import java.nio.file.Path;

/**
 * A sorted set as a {@link ZSetSnapshot}: members and scores in order, so that loading finds them
 * sorted already and builds the set in linear time. Loading refuses what no live set can hold
 * (lists of different lengths, NaN, a member twice, no member at all) rather than load a set
 * that would break the keyspace's invariants later.
 */
final class ZSetSnapshotCodec {
  private ZSetSnapshotCodec() {}

  /** Reads the set only: it may be a frozen instance that the apply thread still reads too. */
  static ZSetSnapshot encode(ZSetValue zset) {
    ZSetSnapshot.Builder builder = ZSetSnapshot.newBuilder();
    zset.forEach(0, zset.size(), false, (member, score) -> {
      // Members are never mutated once stored, so protobuf may read them in place.
      builder.addMembers(UnsafeByteOperations.unsafeWrap(member));
      builder.addScores(score);
    });
    return builder.build();
  }

  static ZSetValue decode(ZSetSnapshot stored, Path file, byte[] key) throws CorruptSnapshotException {
    int count = stored.getMembersCount();
    if (count == 0 || stored.getScoresCount() != count) {
      throw corrupt(file, key, count + " members and " + stored.getScoresCount() + " scores");
    }
    ZSetValue.Builder builder = ZSetValue.builder(count);
    for (int i = 0; i < count; i++) {
      double score = stored.getScores(i);
      if (Double.isNaN(score)) {
        throw corrupt(file, key, "a NaN score");
      }
      builder.put(stored.getMembers(i).toByteArray(), score);
    }
    if (builder.size() != count) {
      throw corrupt(file, key, (count - builder.size()) + " members more than once");
    }
    return builder.build();
  }

  private static CorruptSnapshotException corrupt(Path file, byte[] key, String problem) {
    return new CorruptSnapshotException(file,
        "sorted set of key " + SnapshotValueCodec.printable(key) + " has " + problem);
  }
}
