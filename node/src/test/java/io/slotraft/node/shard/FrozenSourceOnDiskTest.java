package io.slotraft.node.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.sofa.jraft.conf.ConfigurationManager;
import com.alipay.sofa.jraft.entity.EnumOutter.EntryType;
import com.alipay.sofa.jraft.entity.LogEntry;
import com.alipay.sofa.jraft.entity.LogId;
import com.alipay.sofa.jraft.entity.codec.v2.LogEntryV2CodecFactory;
import com.alipay.sofa.jraft.option.LogStorageOptions;
import io.slotraft.node.Catalogs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.raft.logstore.GroupLogStorage;
import io.slotraft.node.raft.logstore.NodeLogStore;
import io.slotraft.node.snapshot.SstSnapshotStore;
import io.slotraft.node.statemachine.EntryCodec;
import io.slotraft.node.statemachine.ShardStateMachine;
import io.slotraft.proto.v1.MergeBody;
import io.slotraft.proto.v1.MergePhase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merge's frozen source read back from a node's disk, as a target replica replaying its COMMIT
 * after a restart does: from the source's newest snapshot and its log entries up to the freeze in
 * the node's real log store, or from the log alone with the range the freeze's marker recorded; it
 * equals the state the source's replica held, and a log that lacks an entry is refused.
 */
class FrozenSourceOnDiskTest {
  private static final CommandCatalog CATALOG = Catalogs.keyspaceOnly();
  private static final String GROUP = "shard-s2";
  private static final long MERGE = 41;
  private static final long T0 = 1_700_000_000_000L;

  @TempDir
  Path root;

  /** The source's replica as it ran: its state machine and the entries it applied, by index from 1. */
  private final ShardStateMachine source = new ShardStateMachine(CATALOG, 8192, 16383);
  private final List<byte[]> applied = new ArrayList<>();

  private void apply(byte[] entry) {
    applied.add(entry);
    source.apply(applied.size(), 1, ByteBuffer.wrap(entry));
  }

  private void write(String... argv) {
    apply(EntryCodec.command(T0 + applied.size(), 5, List.of(argv).stream()
        .map(word -> word.getBytes(StandardCharsets.UTF_8)).toList()));
  }

  private long freeze() {
    apply(EntryCodec.merge(T0, MergeBody.newBuilder().setPhase(MergePhase.MERGE_PREPARE).setOperationId(MERGE)
        .setTargetShardId("s1").build()));
    return applied.size();
  }

  /** The applied entries as JRaft stored them in the node's log store, from {@code first} on. */
  private void store(NodeLogStore logs, long first) {
    GroupLogStorage log = logs.group(GROUP);
    LogStorageOptions options = new LogStorageOptions();
    options.setConfigurationManager(new ConfigurationManager());
    options.setLogEntryCodecFactory(LogEntryV2CodecFactory.getInstance());
    assertTrue(log.init(options));
    if (first > 1) {
      log.reset(first);
    }
    List<LogEntry> entries = new ArrayList<>();
    for (long index = first; index <= applied.size(); index++) {
      LogEntry entry = new LogEntry(EntryType.ENTRY_TYPE_DATA);
      entry.setId(new LogId(index, 1));
      entry.setData(ByteBuffer.wrap(applied.get((int) index - 1)));
      entries.add(entry);
    }
    assertEquals(entries.size(), log.appendEntries(entries));
  }

  private NodeLogStore open() throws IOException {
    return NodeLogStore.open(root.resolve("raft-log"), damage -> {
      throw new AssertionError(damage);
    }, () -> 0);
  }

  private static String get(ShardStateMachine.FrozenState state, String key) {
    var entry = state.keyspace().lookup(key.getBytes(StandardCharsets.UTF_8), T0);
    return entry == null ? null : new String(((io.slotraft.node.keyspace.StringValue) entry.value()).bytes(),
        StandardCharsets.UTF_8);
  }

  @Test
  void aSnapshotBeforeTheFreezeAndTheLogAfterItGiveTheFrozenState() throws Exception {
    Path directory = root.resolve("shards").resolve("s2");
    write("SET", "{b}1", "one");
    write("SET", "{b}2", "two");
    long snapshotAt = applied.size();
    new SstSnapshotStore().capture(source, new ShardId("s2", 8192, 16383))
        .writeTo(directory.resolve("snapshot").resolve("snapshot_" + snapshotAt));
    write("SET", "{b}2", "changed");
    write("DEL", "{b}1");
    write("SET", "{b}3", "three");
    long frozenAt = freeze();
    FrozenSourceOnDisk.record(directory, Optional.of(new FrozenSourceOnDisk.Marker(
        source.mergeFreeze().orElseThrow(), 8192, 16383)));

    try (NodeLogStore logs = open()) {
      store(logs, snapshotAt + 1);
      ShardStateMachine.FrozenState read = FrozenSourceOnDisk.read(directory, logs, GROUP, CATALOG, MERGE, frozenAt);
      assertEquals(source.keyspace().size(), read.keyspace().size());
      assertEquals(null, get(read, "{b}1"));
      assertEquals("changed", get(read, "{b}2"));
      assertEquals("three", get(read, "{b}3"));
      assertEquals(new ShardStateMachine.MergeFreeze(MERGE, "s1", frozenAt), read.freeze());
      assertEquals(List.of(8192, 16383), List.of(read.slotStart(), read.slotEnd()));
    }
    assertEquals(Optional.of(new FrozenSourceOnDisk.Marker(new ShardStateMachine.MergeFreeze(MERGE, "s1", frozenAt),
        8192, 16383)), FrozenSourceOnDisk.marker(directory));
  }

  @Test
  void withoutASnapshotTheWholeLogReplaysFromTheRangeTheMarkerRecorded() throws Exception {
    Path directory = root.resolve("shards").resolve("s2");
    java.nio.file.Files.createDirectories(directory);
    write("SET", "{b}1", "one");
    write("INCR", "{b}n");
    write("INCR", "{b}n");
    long frozenAt = freeze();
    FrozenSourceOnDisk.record(directory, Optional.of(new FrozenSourceOnDisk.Marker(
        source.mergeFreeze().orElseThrow(), 8192, 16383)));

    try (NodeLogStore logs = open()) {
      store(logs, 1);
      ShardStateMachine.FrozenState read = FrozenSourceOnDisk.read(directory, logs, GROUP, CATALOG, MERGE, frozenAt);
      assertEquals("one", get(read, "{b}1"));
      assertEquals("2", get(read, "{b}n"));
    }
  }

  @Test
  void aLogWithoutTheEntriesUpToTheFreezeOrAnotherMergesFreezeIsRefused() throws Exception {
    Path directory = root.resolve("shards").resolve("s2");
    java.nio.file.Files.createDirectories(directory);
    write("SET", "{b}1", "one");
    long frozenAt = freeze();
    FrozenSourceOnDisk.record(directory, Optional.of(new FrozenSourceOnDisk.Marker(
        source.mergeFreeze().orElseThrow(), 8192, 16383)));
    try (NodeLogStore logs = open()) {
      assertThrows(IOException.class, () -> FrozenSourceOnDisk.read(directory, logs, GROUP, CATALOG, MERGE, frozenAt),
          "no log at all");
      store(logs, 1);
      assertThrows(IOException.class, () -> FrozenSourceOnDisk.read(directory, logs, GROUP, CATALOG, MERGE + 1,
          frozenAt), "frozen by another merge");
    }
    FrozenSourceOnDisk.record(directory, Optional.empty());
    assertEquals(Optional.empty(), FrozenSourceOnDisk.marker(directory), "let go: the record is gone");
  }
}
