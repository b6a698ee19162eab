package io.slotraft.node.statemachine;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.catalog.KeyspaceHandler;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.reply.Replies;
import io.slotraft.node.reply.Reply;
import io.slotraft.proto.v1.LogEntry;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One shard's deterministic state machine: committed log entries in, keyspace changes and replies
 * out. It owns the keyspace and the "clock", which only moves forward and only by entry times, so
 * that every replica applying the same log holds the same bytes. No threads, clocks or I/O here; the
 * caller serialises access (the Raft apply thread, or a reader holding the shard's lock).
 */
public final class ShardStateMachine {
  private final CommandCatalog catalog;
  private Keyspace keyspace = new Keyspace();
  private long clockMs;
  private long appliedIndex;
  private long appliedTerm;

  public ShardStateMachine(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Applies one committed entry at {@code index}. A command that fails (wrong type, bad argument)
   * yields its error reply and changes nothing, on every replica alike; an unreadable entry throws.
   */
  public Reply apply(long index, long term, ByteBuffer data) {
    LogEntry entry = EntryCodec.decode(data);
    // Leaders' clocks differ; never let time run backwards across a leader change.
    clockMs = Math.max(clockMs, entry.getLeaderTimeMs());
    appliedIndex = index;
    appliedTerm = term;
    return switch (entry.getBodyCase()) {
      case COMMAND -> applyCommand(entry);
      case EXPIRE_KEYS -> applyExpiry(entry);
      case BODY_NOT_SET -> Replies.OK; // an empty entry (e.g. a no-op) changes nothing
    };
  }

  private Reply applyCommand(LogEntry entry) {
    List<byte[]> argv = EntryCodec.argv(entry.getCommand());
    CommandSpec spec = catalog.lookup(entry.getCommand().getName());
    if (spec == null || !(spec.handler() instanceof KeyspaceHandler handler) || !spec.isWrite()) {
      throw new EntryCodec.UnreadableEntryException(
          "log entry names command '" + entry.getCommand().getName() + "', which this build cannot apply");
    }
    ExecutionContext context = ExecutionContext.forApply(keyspace, clockMs, entry.getRandomSeed());
    return run(handler, context, new CommandArgs(argv));
  }

  private Reply applyExpiry(LogEntry entry) {
    int deleted = 0;
    for (var key : entry.getExpireKeys().getKeysList()) {
      if (keyspace.deleteIfExpired(key.toByteArray(), clockMs)) {
        deleted++;
      }
    }
    return Replies.integer(deleted);
  }

  /** Serves a read with the reader's clock; it never changes the keyspace. */
  public Reply read(CommandSpec spec, CommandArgs args, long nowMs) {
    ExecutionContext context = ExecutionContext.forRead(keyspace, Math.max(nowMs, clockMs));
    return run((KeyspaceHandler) spec.handler(), context, args);
  }

  private static Reply run(KeyspaceHandler handler, ExecutionContext context, CommandArgs args) {
    try {
      return handler.execute(context, args);
    } catch (CommandException e) {
      return e.reply();
    }
  }

  public Keyspace keyspace() {
    return keyspace;
  }

  public long clockMs() {
    return clockMs;
  }

  public long appliedIndex() {
    return appliedIndex;
  }

  public long appliedTerm() {
    return appliedTerm;
  }

  /**
   * Replaces the whole state with a snapshot's: a fully loaded keyspace (never a half-loaded one),
   * its applied position and its clock.
   */
  public void restore(Keyspace loaded, long index, long term, long snapshotClockMs) {
    this.keyspace = loaded;
    this.appliedIndex = index;
    this.appliedTerm = term;
    this.clockMs = snapshotClockMs;
  }
}
