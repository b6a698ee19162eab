package io.slotraft.node.raft.logstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.sofa.jraft.conf.ConfigurationManager;
import com.alipay.sofa.jraft.entity.EnumOutter.EntryType;
import com.alipay.sofa.jraft.entity.LogEntry;
import com.alipay.sofa.jraft.entity.LogId;
import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.entity.codec.v2.LogEntryV2CodecFactory;
import com.alipay.sofa.jraft.option.LogStorageOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared log store as JRaft sees it, one scenario per row: each row runs its steps against two
 * groups in one store, then checks what each group's log holds (first index, last index, the term of
 * every index) both before and after the store is closed and opened again.
 */
class GroupLogStorageTest {
  @TempDir
  Path directory;

  /** What a group's log must hold: first and last index, and the entries in between by term. */
  record Expected(long first, long last, long term) {}

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("a new log is empty", steps((a, b) -> { }), new Expected(1, 0, 0), new Expected(1, 0, 0)),
        Arguments.of("appends land in their own group",
            steps((a, b) -> {
              append(a, 1, 10, 1);
              append(b, 1, 3, 2);
            }), new Expected(1, 10, 1), new Expected(1, 3, 2)),
        Arguments.of("prefix truncation keeps the suffix and the first index",
            steps((a, b) -> {
              append(a, 1, 10, 1);
              append(b, 1, 10, 1);
              assertTrue(a.truncatePrefix(6));
            }), new Expected(6, 10, 1), new Expected(1, 10, 1)),
        Arguments.of("suffix truncation then appends of a new term (a conflict)",
            steps((a, b) -> {
              append(a, 1, 10, 1);
              append(b, 1, 10, 1);
              assertTrue(a.truncateSuffix(4));
              append(a, 5, 8, 3);
            }), new Expected(1, 8, -1), new Expected(1, 10, 1)),
        Arguments.of("reset after a snapshot install leaves one entry",
            steps((a, b) -> {
              append(a, 1, 10, 1);
              append(b, 1, 10, 1);
              assertTrue(a.reset(42));
            }), new Expected(42, 42, 0), new Expected(1, 10, 1)),
        Arguments.of("reset keeps the entry already at the next index",
            steps((a, b) -> {
              append(a, 1, 10, 7);
              assertTrue(a.reset(5));
            }), new Expected(5, 5, 7), new Expected(1, 0, 0)),
        Arguments.of("truncating the whole prefix leaves an empty log that starts after it",
            steps((a, b) -> {
              append(a, 1, 10, 1);
              assertTrue(a.truncatePrefix(11));
            }), new Expected(11, 0, 0), new Expected(1, 0, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(String name, BiConsumer<GroupLogStorage, GroupLogStorage> steps, Expected groupA, Expected groupB)
      throws IOException {
    try (NodeLogStore store = open()) {
      GroupLogStorage a = init(store, "s1");
      GroupLogStorage b = init(store, "s10"); // "s1" is a prefix of "s10": their keys must not mix
      steps.accept(a, b);
      check(a, groupA, name + ", group s1");
      check(b, groupB, name + ", group s10");
    }
    try (NodeLogStore store = open()) {
      check(init(store, "s1"), groupA, name + ", group s1 after reopening");
      check(init(store, "s10"), groupB, name + ", group s10 after reopening");
    }
  }

  @org.junit.jupiter.api.Test
  void configurationEntriesAreReadBackIntoTheConfigurationManager() throws IOException {
    try (NodeLogStore store = open()) {
      GroupLogStorage a = init(store, "meta");
      append(a, 1, 3, 1);
      LogEntry conf = new LogEntry(EntryType.ENTRY_TYPE_CONFIGURATION);
      conf.setId(new LogId(4, 1));
      conf.setPeers(List.of(PeerId.parsePeer("127.0.0.1:7201"), PeerId.parsePeer("127.0.0.1:7202")));
      assertTrue(a.appendEntry(conf));
    }
    try (NodeLogStore store = open()) {
      ConfigurationManager manager = new ConfigurationManager();
      store.group("meta").init(options(manager));
      assertEquals(4, manager.getLastConfiguration().getId().getIndex());
      assertEquals(2, manager.getLastConfiguration().getConf().getPeers().size());
    }
  }

  @org.junit.jupiter.api.Test
  void droppingAGroupLeavesTheOthers() throws IOException {
    try (NodeLogStore store = open()) {
      append(init(store, "s1"), 1, 5, 1);
      append(init(store, "s2"), 1, 5, 1);
      store.dropGroup("s1");
      check(init(store, "s1"), new Expected(1, 0, 0), "dropped");
      check(init(store, "s2"), new Expected(1, 5, 1), "kept");
    }
  }

  private NodeLogStore open() throws IOException {
    return NodeLogStore.open(directory.resolve("raft-log"), damage -> {
      throw new AssertionError("not damaged: " + damage);
    }, () -> 0);
  }

  static GroupLogStorage init(NodeLogStore store, String groupId) {
    GroupLogStorage storage = store.group(groupId);
    assertTrue(storage.init(options(new ConfigurationManager())));
    return storage;
  }

  static LogStorageOptions options(ConfigurationManager manager) {
    LogStorageOptions options = new LogStorageOptions();
    options.setConfigurationManager(manager);
    options.setLogEntryCodecFactory(LogEntryV2CodecFactory.getInstance());
    return options;
  }

  /** Appends entries {@code from..to} of one term, in batches of three as a log manager would. */
  static void append(GroupLogStorage storage, long from, long to, long term) {
    List<LogEntry> batch = new ArrayList<>();
    for (long index = from; index <= to; index++) {
      batch.add(entry(index, term));
      if (batch.size() == 3 || index == to) {
        assertEquals(batch.size(), storage.appendEntries(batch));
        batch = new ArrayList<>();
      }
    }
  }

  static LogEntry entry(long index, long term) {
    LogEntry entry = new LogEntry(EntryType.ENTRY_TYPE_DATA);
    entry.setId(new LogId(index, term));
    entry.setData(ByteBuffer.wrap(("entry " + index).getBytes(StandardCharsets.UTF_8)));
    return entry;
  }

  /** A term of -1 means: 1 up to index 4, 3 after (the conflict scenario). */
  private static void check(GroupLogStorage storage, Expected expected, String what) {
    assertEquals(expected.first(), storage.getFirstLogIndex(), what + ": first index");
    assertEquals(expected.last(), storage.getLastLogIndex(), what + ": last index");
    LongStream.rangeClosed(expected.first(), expected.last()).forEach(index -> {
      LogEntry entry = storage.getEntry(index);
      long term = expected.term() >= 0 ? expected.term() : index <= 4 ? 1 : 3;
      assertEquals(term, entry.getId().getTerm(), what + ": term of " + index);
      assertEquals(index, entry.getId().getIndex(), what + ": index of " + index);
    });
    assertNull(storage.getEntry(expected.first() - 1), what + ": nothing before the first index");
    assertNull(storage.getEntry(Math.max(expected.last(), expected.first()) + 1), what + ": nothing after the last");
  }

  private static BiConsumer<GroupLogStorage, GroupLogStorage> steps(BiConsumer<GroupLogStorage, GroupLogStorage> s) {
    return s;
  }
}
