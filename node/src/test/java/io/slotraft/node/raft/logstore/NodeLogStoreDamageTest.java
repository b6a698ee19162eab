package io.slotraft.node.raft.logstore;

import static io.slotraft.node.raft.logstore.GroupLogStorageTest.append;
import static io.slotraft.node.raft.logstore.GroupLogStorageTest.entry;
import static io.slotraft.node.raft.logstore.GroupLogStorageTest.init;
import static io.slotraft.node.raft.logstore.GroupLogStorageTest.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.sofa.jraft.conf.ConfigurationManager;
import com.alipay.sofa.jraft.entity.EnumOutter.EntryType;
import com.alipay.sofa.jraft.entity.LogEntry;
import com.alipay.sofa.jraft.entity.LogId;
import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.option.RaftOptions;
import com.alipay.sofa.jraft.storage.impl.RocksDBLogStorage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What survives a crash and what a damaged store does: a batch torn by a crash is gone whole and
 * the batches before it are intact; a store that does not open is reported, set aside and replaced
 * by an empty one only after the loss was recorded; a log written by earlier builds (one RocksDB per
 * replica, JRaft's own storage) is converted with every entry, its first index and its configuration.
 */
class NodeLogStoreDamageTest {
  @TempDir
  Path root;

  @Test
  void aBatchTornByACrashIsDiscardedWholeAndEveryEarlierBatchKept() throws IOException {
    Path directory = root.resolve("raft-log");
    try (NodeLogStore store = open(directory, new ArrayList<>())) {
      GroupLogStorage group = init(store, "s1");
      append(group, 1, 9, 1); // batches 1-3, 4-6, 7-9
      List<LogEntry> big = new ArrayList<>();
      for (long index = 10; index <= 12; index++) {
        big.add(entry(index, 1));
      }
      assertEquals(3, group.appendEntries(big));
    }
    // The crash tore the last batch: its last bytes never reached the disk.
    Path wal = newest(directory, ".log");
    try (RandomAccessFile file = new RandomAccessFile(wal.toFile(), "rw")) {
      file.setLength(file.length() - 7);
    }
    try (NodeLogStore store = open(directory, new ArrayList<>())) {
      GroupLogStorage group = init(store, "s1");
      assertEquals(9, group.getLastLogIndex(), "the torn batch 10-12 is gone, 1-9 are kept");
      assertNotNull(group.getEntry(9));
      assertNull(group.getEntry(10));
    }
  }

  @Test
  void aStoreThatDoesNotOpenIsSetAsideAfterTheLossIsRecorded() throws IOException {
    Path directory = root.resolve("raft-log");
    try (NodeLogStore store = open(directory, new ArrayList<>())) {
      append(init(store, "s1"), 1, 5, 1);
    }
    Path manifest = newest(directory, "MANIFEST-");
    byte[] garbage = new byte[(int) Files.size(manifest)];
    Arrays.fill(garbage, (byte) 0x5a);
    Files.write(manifest, garbage);

    List<String> recorded = new ArrayList<>();
    try (NodeLogStore store = open(directory, recorded)) {
      assertEquals(1, recorded.size(), "the loss is recorded once");
      assertTrue(recorded.get(0).contains("is damaged"), recorded.get(0));
      assertTrue(Files.isDirectory(root.resolve("raft-log.damaged-1234")), "the damaged store is kept aside");
      GroupLogStorage group = init(store, "s1");
      assertEquals(0, group.getLastLogIndex(), "the new store is empty");
    }
  }

  @Test
  void whenTheLossCannotBeRecordedTheDamagedStoreStaysInPlace() throws IOException {
    Path directory = root.resolve("raft-log");
    try (NodeLogStore store = open(directory, new ArrayList<>())) {
      append(init(store, "s1"), 1, 5, 1);
    }
    Path manifest = newest(directory, "MANIFEST-");
    Files.write(manifest, new byte[(int) Files.size(manifest)]);
    IOException failed = assertThrows(IOException.class, () -> NodeLogStore.open(directory, damage -> {
      throw new IOException("disk full");
    }, () -> 1234));
    assertEquals("disk full", failed.getMessage());
    assertTrue(Files.exists(manifest), "nothing was moved");
  }

  @Test
  void aPerReplicaLogOfEarlierBuildsIsConvertedWithItsFirstIndexAndConfiguration() throws IOException {
    Path replica = root.resolve("shards/s3");
    Path legacy = replica.resolve("log");
    Files.createDirectories(legacy);
    RaftOptions raftOptions = new RaftOptions();
    raftOptions.setSync(true);
    RocksDBLogStorage old = new RocksDBLogStorage(legacy.toString(), raftOptions);
    var oldOptions = options(new ConfigurationManager());
    oldOptions.setGroupId("s3");
    assertTrue(old.init(oldOptions));
    List<LogEntry> entries = new ArrayList<>();
    for (long index = 1; index <= 20; index++) {
      entries.add(entry(index, 2));
    }
    LogEntry conf = new LogEntry(EntryType.ENTRY_TYPE_CONFIGURATION);
    conf.setId(new LogId(21, 2));
    conf.setPeers(List.of(PeerId.parsePeer("127.0.0.1:7201"), PeerId.parsePeer("127.0.0.1:7202"),
        PeerId.parsePeer("127.0.0.1:7203")));
    entries.add(conf);
    assertEquals(21, old.appendEntries(entries));
    assertTrue(old.truncatePrefix(11));
    old.shutdown();

    try (NodeLogStore store = open(root.resolve("raft-log"), new ArrayList<>())) {
      assertTrue(LegacyLogImport.present(replica));
      assertEquals(11, LegacyLogImport.convert(store, "s3", replica), "entries 11-21 are left after the truncation");
      assertFalse(Files.exists(legacy), "the old log is deleted once converted");
      ConfigurationManager manager = new ConfigurationManager();
      GroupLogStorage group = store.group("s3");
      assertTrue(group.init(options(manager)));
      assertEquals(11, group.getFirstLogIndex());
      assertEquals(21, group.getLastLogIndex());
      assertEquals(2, group.getEntry(15).getId().getTerm());
      assertEquals(3, manager.getLastConfiguration().getConf().getPeers().size());
    }
  }

  private static NodeLogStore open(Path directory, List<String> recorded) throws IOException {
    return NodeLogStore.open(directory, recorded::add, () -> 1234);
  }

  private static Path newest(Path directory, String marker) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().contains(marker))
          .max(Comparator.comparing(p -> p.getFileName().toString())).orElseThrow();
    }
  }
}
