package io.slotraft.node.raft.logstore;

/** For tests outside this package: a group's log written as JRaft would write it. */
public final class LogStoreFixtures {
  private LogStoreFixtures() {}

  /** Appends entries {@code from..to} of {@code term} to the group's log in {@code store}. */
  public static void append(NodeLogStore store, String groupId, long from, long to, long term) {
    GroupLogStorageTest.append(GroupLogStorageTest.init(store, groupId), from, to, term);
  }
}
