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
import io.slotraft.node.reply.RoutingReply;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.CommandBody;
import io.slotraft.proto.v1.LogEntry;
import io.slotraft.proto.v1.SplitBody;
import io.slotraft.proto.v1.TransactionBody;
import io.slotraft.proto.v1.WatchedKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /**
   * The term of the snapshot a split seeds the new shard's group with, and so of the new shard's
   * state as of the split: the first term of a group's log, as JRaft's own bootstrap of a non-empty
   * replica uses, whatever term the split entry had in the parent's group.
   */
  public static final long SEED_TERM = 1;
  private static final int LAST_SLOT = SlotHash.SLOT_COUNT - 1;

  private final CommandCatalog catalog;
  private Keyspace keyspace = new Keyspace();
  private ClientSessions clientSessions = new ClientSessions();
  private long clockMs;
  private long appliedIndex;
  private long appliedTerm;
  /** The slots this shard owns: replicated state, shrunk by a split entry, carried in snapshots. */
  private int slotStart;
  private int slotEnd;
  /** The newest split applied; null when none. */
  private SplitRecord lastSplit;
  /** The new shard's state carved by the entry just applied, until the caller takes it. */
  private Carved carved;

  /** A state machine owning every slot: for tests and tools. */
  public ShardStateMachine(CommandCatalog catalog) {
    this(catalog, 0, LAST_SLOT);
  }

  /** An empty state machine owning slots {@code slotStart..slotEnd}, as meta created the shard. */
  public ShardStateMachine(CommandCatalog catalog, int slotStart, int slotEnd) {
    this.catalog = catalog;
    this.slotStart = slotStart;
    this.slotEnd = slotEnd;
  }

  /** A split this shard applied: meta's operation, the new shard's first slot and id, the entry's index. */
  public record SplitRecord(long operationId, int splitSlot, String newShardId, long splitIndex) {}

  /** The new shard's state as of a split, the split, and the new group's voters (Raft endpoints). */
  public record Carved(ShardStateMachine state, SplitRecord split, List<String> voterEndpoints) {}

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
      case SPLIT -> List.of(applySplit(index, entry.getSplit()));
      case BODY_NOT_SET -> List.of(Replies.OK); // an empty entry (e.g. a no-op) changes nothing
    };
  }

  private Reply applyCommand(CommandBody command, long seed) {
    return execute(specOf(command, false), command, seed);
  }

  /** Each command as if it were its own entry at the entry's time, with its own derived seed. */
  private List<Reply> applyBatch(List<CommandBody> commands, long entrySeed) {
    // Resolve every handler first: an unreadable command stops the replica with none of the batch
    // applied, as it would for a single entry.
    List<CommandSpec> specs = new ArrayList<>(commands.size());
    for (CommandBody command : commands) {
      specs.add(specOf(command, false));
    }
    List<Reply> replies = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      replies.add(execute(specs.get(i), commands.get(i), EntryCodec.commandSeed(entrySeed, i)));
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
    List<CommandSpec> specs = new ArrayList<>(commands.size());
    List<List<byte[]>> argvs = new ArrayList<>(commands.size());
    for (CommandBody command : commands) {
      specs.add(specOf(command, true));
      argvs.add(EntryCodec.argv(command));
    }
    // Every key of a transaction is in one slot (the front end refuses CROSSSLOT), so its first
    // keyed command tells whether this shard still owns them all.
    for (int i = 0; i < commands.size(); i++) {
      RoutingReply.TryAgain moved = movedAway(specs.get(i), argvs.get(i));
      if (moved != null) {
        return moved;
      }
    }
    for (WatchedKey watched : transaction.getWatchedList()) {
      if (keyspace.changedSince(watched.getKey().toByteArray(), watched.getWatchedIndex(), watched.getWatchedAtMs(),
          clockMs)) {
        return Reply.Nil.ARRAY;
      }
    }
    List<Reply> replies = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      replies.add(executeOnce(specs.get(i), commands.get(i), argvs.get(i), EntryCodec.commandSeed(entrySeed, i)));
    }
    return Replies.array(replies);
  }

  /** The catalog entry an entry names; reads only inside a transaction, where they are atomic with its writes. */
  private CommandSpec specOf(CommandBody command, boolean readsAllowed) {
    CommandSpec spec = catalog.lookup(command.getName());
    if (spec == null || !(spec.handler() instanceof KeyspaceHandler) || !(spec.isWrite() || readsAllowed)) {
      throw new EntryCodec.UnreadableEntryException(
          "log entry names command '" + command.getName() + "', which this build cannot apply");
    }
    return spec;
  }

  /**
   * Runs one command of an entry; a retried write of a client session gets its first reply instead.
   * A command whose key a split gave away is refused before its session sees it: it never ran here,
   * and its retry must run where the key went.
   */
  private Reply execute(CommandSpec spec, CommandBody command, long seed) {
    List<byte[]> argv = EntryCodec.argv(command);
    RoutingReply.TryAgain moved = movedAway(spec, argv);
    if (moved != null) {
      return moved;
    }
    ClientSequence client = EntryCodec.clientOf(command);
    if (client == null) {
      return executeOnce(spec, command, argv, seed);
    }
    return clientSessions.runOnce(client, clockMs, () -> executeOnce(spec, command, argv, seed));
  }

  private Reply executeOnce(CommandSpec spec, CommandBody command, List<byte[]> argv, long seed) {
    ExecutionContext context = ExecutionContext.forApply(keyspace, clockMs, seed);
    try {
      return run((KeyspaceHandler) spec.handler(), context, new CommandArgs(argv));
    } catch (RuntimeException e) {
      // A handler bug: deterministic, so every replica takes the same path. Answer it alone and go
      // on, so that it does not cost the other commands of its batch their replies.
      LOG.error("command '{}' failed while applying entry {}", command.getName(), appliedIndex, e);
      return INTERNAL_ERROR;
    }
  }

  /**
   * A TRYAGAIN for a command whose keys are in a slot this shard no longer owns (a split gave it
   * away); null when it owns them, or the command has none.
   */
  private RoutingReply.TryAgain movedAway(CommandSpec spec, List<byte[]> argv) {
    if (lastSplit == null) {
      // Nothing was given away: nodes route by meta's ranges, which a shard that never split matches,
      // so the hot path skips finding the key's slot.
      return null;
    }
    List<byte[]> keys = spec.keys().keys(argv);
    if (keys.isEmpty()) {
      return null;
    }
    int slot = SlotHash.slot(keys.get(0));
    return owns(slot) ? null : RoutingReply.TryAgain.movedBySplit(slot);
  }

  /**
   * Splits the shard at the entry's slot: the keys of that slot and above, everything WATCH and
   * expiry know of them, and a copy of the client sessions become the new shard's state as of this
   * entry (see {@link #takeCarved}); this shard keeps the slots below. Answers the entry's index,
   * which is where the new shard's log starts; a split proposed again for the same operation
   * answers the first one's index and changes nothing.
   */
  private Reply applySplit(long index, SplitBody split) {
    if (lastSplit != null && lastSplit.operationId() == split.getOperationId()) {
      return Replies.integer(lastSplit.splitIndex());
    }
    int at = split.getSplitSlot();
    if (at <= slotStart || at > slotEnd) {
      return Replies.error("ERR cannot split slots " + slotStart + "-" + slotEnd + " at slot " + at);
    }
    ShardStateMachine child = new ShardStateMachine(catalog, at, slotEnd);
    child.keyspace = keyspace.carve(at, slotEnd);
    child.clientSessions = clientSessions.copy();
    child.clockMs = clockMs;
    child.appliedIndex = index;
    child.appliedTerm = SEED_TERM;
    slotEnd = at - 1;
    lastSplit = new SplitRecord(split.getOperationId(), at, split.getNewShardId(), index);
    carved = new Carved(child, lastSplit, List.copyOf(split.getVoterEndpointsList()));
    return Replies.integer(index);
  }

  /** The new shard's state carved by the entry just applied, once; empty when it carved nothing. */
  public Optional<Carved> takeCarved() {
    Carved taken = carved;
    carved = null;
    return Optional.ofNullable(taken);
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
    RoutingReply.TryAgain moved = movedAway(spec, args.argv());
    if (moved != null) {
      return moved;
    }
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

  public int slotStart() {
    return slotStart;
  }

  public int slotEnd() {
    return slotEnd;
  }

  public boolean owns(int slot) {
    return slot >= slotStart && slot <= slotEnd;
  }

  /**
   * The slot to split at so that each half holds about half of the keys: the first slot whose keys,
   * with those of the slots before it, reach half; the middle of the range when it is empty. Always
   * leaves each half at least one slot.
   */
  public int halvingSlot() {
    int total = keyspace.size();
    if (total == 0) {
      return slotStart + (slotEnd - slotStart + 1) / 2;
    }
    long below = 0;
    for (int slot = slotStart; slot <= slotEnd; slot++) {
      below += keyspace.countInSlot(slot);
      if (below * 2 >= total) {
        return Math.min(Math.max(slot + 1, slotStart + 1), slotEnd);
      }
    }
    return slotEnd;
  }

  /** The newest split this shard applied, if any. */
  public Optional<SplitRecord> lastSplit() {
    return Optional.ofNullable(lastSplit);
  }

  /**
   * Replaces the whole state with a snapshot's: a fully loaded keyspace and client sessions (never
   * half-loaded ones), its applied position and its clock.
   */
  public void restore(Keyspace loaded, ClientSessions loadedSessions, long index, long term, long snapshotClockMs,
      int loadedSlotStart, int loadedSlotEnd, SplitRecord loadedLastSplit) {
    this.slotStart = loadedSlotStart;
    this.slotEnd = loadedSlotEnd;
    this.lastSplit = loadedLastSplit;
    this.carved = null;
    this.keyspace = loaded;
    this.clientSessions = loadedSessions;
    this.appliedIndex = index;
    this.appliedTerm = term;
    this.clockMs = snapshotClockMs;
  }
}
