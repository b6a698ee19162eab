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
import io.slotraft.proto.v1.CommandBody;
import io.slotraft.proto.v1.LogEntry;
import io.slotraft.proto.v1.TransactionBody;
import io.slotraft.proto.v1.WatchedKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's deterministic state machine: committed log entries in, keyspace changes and replies
 * out. It owns the keyspace and the "clock", which only moves forward and only by entry times, so
 * that every replica applying the same log holds the same bytes. No threads, clocks or I/O here (but
 * a log line when a handler has a bug); the caller serialises access (the Raft apply thread, or a
 * reader holding the shard's lock).
 */
public final class ShardStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(ShardStateMachine.class);
  static final Reply INTERNAL_ERROR = Replies.error("ERR internal error while applying the command");

  private final CommandCatalog catalog;
  private Keyspace keyspace = new Keyspace();
  private ClientSessions clientSessions = new ClientSessions();
  private long clockMs;
  private long appliedIndex;
  private long appliedTerm;

  public ShardStateMachine(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Applies one committed entry at {@code index} and answers one reply per command in it, in order
   * (one for a single command or an expiry entry). A command that fails (wrong type, bad argument)
   * yields its error reply and changes nothing, on every replica alike; an unreadable entry throws
   * before any of its commands runs.
   */
  public List<Reply> apply(long index, long term, ByteBuffer data) {
    LogEntry entry = EntryCodec.decode(data);
    // Leaders' clocks differ; never let time run backwards across a leader change.
    clockMs = Math.max(clockMs, entry.getLeaderTimeMs());
    appliedIndex = index;
    appliedTerm = term;
    keyspace.beginChange(index);
    return switch (entry.getBodyCase()) {
      case COMMAND -> List.of(applyCommand(entry.getCommand(), entry.getRandomSeed()));
      case COMMAND_BATCH -> applyBatch(entry.getCommandBatch().getCommandsList(), entry.getRandomSeed());
      case TRANSACTION -> List.of(applyTransaction(entry.getTransaction(), entry.getRandomSeed()));
      case EXPIRE_KEYS -> List.of(applyExpiry(entry));
      case BODY_NOT_SET -> List.of(Replies.OK); // an empty entry (e.g. a no-op) changes nothing
    };
  }

  private Reply applyCommand(CommandBody command, long seed) {
    return execute(handlerOf(command), command, seed);
  }

  /** Each command as if it were its own entry at the entry's time, with its own derived seed. */
  private List<Reply> applyBatch(List<CommandBody> commands, long entrySeed) {
    // Resolve every handler first: an unreadable command stops the replica with none of the batch
    // applied, as it would for a single entry.
    List<KeyspaceHandler> handlers = new ArrayList<>(commands.size());
    for (CommandBody command : commands) {
      handlers.add(handlerOf(command));
    }
    List<Reply> replies = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      replies.add(execute(handlers.get(i), commands.get(i), EntryCodec.commandSeed(entrySeed, i)));
    }
    return replies;
  }

  /**
   * EXEC: nothing at all when a watched key changed since it was watched (a null array, as Redis
   * answers), else every command in order, each with its own reply, as one atomic step. Reads run
   * here too, so that they see exactly the writes queued before them and nothing else.
   */
  private Reply applyTransaction(TransactionBody transaction, long entrySeed) {
    List<CommandBody> commands = transaction.getCommandsList();
    List<KeyspaceHandler> handlers = new ArrayList<>(commands.size());
    for (CommandBody command : commands) {
      handlers.add(handlerOf(command, true));
    }
    for (WatchedKey watched : transaction.getWatchedList()) {
      if (keyspace.changedSince(watched.getKey().toByteArray(), watched.getWatchedIndex(), watched.getWatchedAtMs(),
          clockMs)) {
        return Reply.Nil.ARRAY;
      }
    }
    List<Reply> replies = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      replies.add(execute(handlers.get(i), commands.get(i), EntryCodec.commandSeed(entrySeed, i)));
    }
    return Replies.array(replies);
  }

  private KeyspaceHandler handlerOf(CommandBody command) {
    return handlerOf(command, false);
  }

  /** The keyspace handler an entry names; reads only inside a transaction, where they are atomic with its writes. */
  private KeyspaceHandler handlerOf(CommandBody command, boolean readsAllowed) {
    CommandSpec spec = catalog.lookup(command.getName());
    if (spec == null || !(spec.handler() instanceof KeyspaceHandler handler) || !(spec.isWrite() || readsAllowed)) {
      throw new EntryCodec.UnreadableEntryException(
          "log entry names command '" + command.getName() + "', which this build cannot apply");
    }
    return handler;
  }

  /** Runs one command of an entry; a retried write of a client session gets its first reply instead. */
  private Reply execute(KeyspaceHandler handler, CommandBody command, long seed) {
    ClientSequence client = EntryCodec.clientOf(command);
    if (client == null) {
      return executeOnce(handler, command, seed);
    }
    return clientSessions.runOnce(client, clockMs, () -> executeOnce(handler, command, seed));
  }

  private Reply executeOnce(KeyspaceHandler handler, CommandBody command, long seed) {
    ExecutionContext context = ExecutionContext.forApply(keyspace, clockMs, seed);
    CommandArgs args = new CommandArgs(EntryCodec.argv(command));
    try {
      return run(handler, context, args);
    } catch (RuntimeException e) {
      // A handler bug: deterministic, so every replica takes the same path. Answer it alone and go
      // on, so that it does not cost the other commands of its batch their replies.
      LOG.error("command '{}' failed while applying entry {}", command.getName(), appliedIndex, e);
      return INTERNAL_ERROR;
    }
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
    ExecutionContext context = ExecutionContext.forRead(keyspace, readTime(nowMs));
    return run((KeyspaceHandler) spec.handler(), context, args);
  }

  private static Reply run(KeyspaceHandler handler, ExecutionContext context, CommandArgs args) {
    try {
      return handler.execute(context, args);
    } catch (CommandException e) {
      return e.reply();
    }
  }

  /**
   * The "now" a read on this replica judges expiry by: the reader's clock, but never earlier than
   * the newest entry time applied (leaders' clocks differ, and time must not run backwards).
   */
  public long readTime(long nowMs) {
    return Math.max(nowMs, clockMs);
  }

  public Keyspace keyspace() {
    return keyspace;
  }

  /** The client write sessions (exactly-once retries); replicated state like the keyspace. */
  public ClientSessions clientSessions() {
    return clientSessions;
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
   * Replaces the whole state with a snapshot's: a fully loaded keyspace and client sessions (never
   * half-loaded ones), its applied position and its clock.
   */
  public void restore(Keyspace loaded, ClientSessions loadedSessions, long index, long term, long snapshotClockMs) {
    this.keyspace = loaded;
    this.clientSessions = loadedSessions;
    this.appliedIndex = index;
    this.appliedTerm = term;
    this.clockMs = snapshotClockMs;
  }
}
