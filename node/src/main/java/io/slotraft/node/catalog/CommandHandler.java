package io.slotraft.node.catalog;

/**
 * The code behind a catalog entry. Two kinds exist: {@link KeyspaceHandler} (pure, runs against one
 * shard's keyspace, on the write or read path) and session handlers (run on the serving node with
 * access to the connection and the node; declared in {@code io.slotraft.node.session}).
 */
public interface CommandHandler {}
