package io.slotraft.node.raft.logstore;

import com.alipay.sofa.jraft.core.DefaultJRaftServiceFactory;
import com.alipay.sofa.jraft.option.RaftOptions;
import com.alipay.sofa.jraft.storage.LogStorage;

/**
 * JRaft's service factory for one group: its log lives in the node's shared store; Raft meta (term
 * and vote) and snapshots stay JRaft's own, in the replica's directory.
 */
public final class GroupLogServiceFactory extends DefaultJRaftServiceFactory {
  private final NodeLogStore store;
  private final String groupId;

  public GroupLogServiceFactory(NodeLogStore store, String groupId) {
    this.store = store;
    this.groupId = groupId;
  }

  @Override
  public LogStorage createLogStorage(String uri, RaftOptions raftOptions) {
    return store.group(groupId);
  }
}
