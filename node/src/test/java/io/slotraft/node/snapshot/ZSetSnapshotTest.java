package io.slotraft.node.snapshot;

import static io.slotraft.node.snapshot.KeyspaceAssertions.assertSameContent;
import static io.slotraft.node.snapshot.KeyspaceAssertions.assertSameSortedSet;
import static io.slotraft.node.snapshot.SnapshotFixtures.CLOCK_MS;
import static io.slotraft.node.snapshot.SnapshotFixtures.POINT;
import static io.slotraft.node.snapshot.SnapshotFixtures.bytes;
import static io.slotraft.node.snapshot.SnapshotFixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.proto.v1.SnapshotValue;
import io.slotraft.proto.v1.ZSetSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sorted sets through the snapshot value codec and through snapshot files, large ones included. */
class ZSetSnapshotTest {
  private static final Path FILE = Path.of("keyspace.sst");

  @TempDir Path dir;

  @Test
  void scoresMembersAndExpiryComeBackIdentical() throws Exception {
    ZSetValue zset = new ZSetValue();
    zset.put(new byte[] {(byte) 0xFF, 0}, Double.NEGATIVE_INFINITY);
    zset.put(new byte[0], Double.POSITIVE_INFINITY);
    zset.put(bytes("a"), 0.1);
    zset.put(bytes("b"), 0.1);
    zset.put(bytes("tiny"), Double.MIN_VALUE);
    zset.put(bytes("big"), -Double.MAX_VALUE);

    SnapshotValueCodec.DecodedValue decoded =
        SnapshotValueCodec.decode(SnapshotValueCodec.encode(zset, CLOCK_MS + 5, 0), FILE, bytes("z"));

    assertEquals(CLOCK_MS + 5, decoded.expireAtMs());
    assertSameSortedSet(zset, (ZSetValue) decoded.value(), "z");
  }

  @Test
  void aLoadedSetIsALiveSetThatTakesChanges() throws Exception {
    ZSetValue zset = randomSet(2000, 5);
    ZSetValue loaded = (ZSetValue) SnapshotValueCodec.decode(SnapshotValueCodec.encode(zset, 0, 0), FILE, bytes("z")).value();

    loaded.put(bytes("new"), 0.5);
    loaded.remove(loaded.memberAt(10));
    zset.put(bytes("new"), 0.5);
    zset.remove(zset.memberAt(10));

    assertSameSortedSet(zset, loaded, "z");
    assertEquals(zset.rank(bytes("new")), loaded.rank(bytes("new")));
  }

  @Test
  void keyspaceOfStringsAndSortedSetsComesBackThroughFiles() throws IOException {
    Keyspace source = new Keyspace();
    source.put(bytes("s"), string(bytes("v")), 0);
    source.put(bytes("z1"), randomSet(100, 1), 0);
    source.put(bytes("z2"), randomSet(5000, 2), CLOCK_MS + 60_000);

    SnapshotFileWriter.write(KeyspaceImage.capture(source, POINT), dir);
    Keyspace loaded = new Keyspace();
    SnapshotFileReader.load(dir, loaded);

    assertSameContent(source, loaded);
  }

  /** Correctness only: how long it takes is SnapshotBenchmark's business. */
  @Test
  void millionElementSetComesBackIdentical() throws IOException {
    Keyspace source = new Keyspace();
    ZSetValue big = randomSet(1_000_000, 3);
    source.put(bytes("big"), big, 0);

    SnapshotFileWriter.write(KeyspaceImage.capture(source, POINT), dir);
    Keyspace loaded = new Keyspace();
    SnapshotFileReader.load(dir, loaded);

    assertSameContent(source, loaded);
    ZSetValue back = (ZSetValue) loaded.get(bytes("big"), CLOCK_MS);
    assertEquals(big.rank(big.memberAt(777_777)), back.rank(big.memberAt(777_777)));
  }

  @Test
  void setsNoLiveKeyspaceCanHoldAreRefused() {
    ZSetSnapshot empty = ZSetSnapshot.getDefaultInstance();
    ZSetSnapshot unequal = ZSetSnapshot.newBuilder().addMembers(ByteString.copyFromUtf8("a")).build();
    ZSetSnapshot nan = ZSetSnapshot.newBuilder().addMembers(ByteString.copyFromUtf8("a")).addScores(Double.NaN).build();
    ZSetSnapshot twice = ZSetSnapshot.newBuilder().addMembers(ByteString.copyFromUtf8("a")).addScores(1)
        .addMembers(ByteString.copyFromUtf8("a")).addScores(2).build();

    assertRefused(empty, "has 0 members and 0 scores");
    assertRefused(unequal, "has 1 members and 0 scores");
    assertRefused(nan, "has a NaN score");
    assertRefused(twice, "has 1 members more than once");
  }

  private static void assertRefused(ZSetSnapshot zset, String problem) {
    byte[] encoded = SnapshotValue.newBuilder().setZsetValue(zset).build().toByteArray();
    CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
        () -> SnapshotValueCodec.decode(encoded, FILE, bytes("z")));
    assertTrue(e.getMessage().endsWith("sorted set of key \"z\" " + problem), e.getMessage());
  }

  /** Random 8-byte members; scores with many ties, so member order matters too. */
  private static ZSetValue randomSet(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ZSetValue zset = new ZSetValue();
    while (zset.size() < size) {
      byte[] member = new byte[8];
      random.nextBytes(member);
      zset.put(member, random.nextInt(1000) / 4.0);
    }
    return zset;
  }
}
