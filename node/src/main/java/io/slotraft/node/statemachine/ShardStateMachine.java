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
import io.slotraft.proto.v1.MergeBody;
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
  /** Set from a merge's PREPARE entry until its ROLLBACK: this shard refuses every command. */
  private MergeFreeze mergeFreeze;
  /** The newest merge this shard took a source in by; null when none. */
  private MergeRecord lastMerge;
  /** The newest merge operation that let this shard go (ROLLBACK); 0 when none. */
  private long mergeReleased;
  /** Where a merge's COMMIT finds its frozen source's state on this node; null until bound. */
  private MergeSources mergeSources;
  /** Whether {@link #handOverFrozen} gave this frozen shard's state away (not replicated state). */
  private boolean handedOver;
  /** Counts merge entries that changed the shard's freeze or range, for the caller to act on them. */
  private long reshapeChanges;

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

  /** A merge's PREPARE this shard applied: meta's operation, the target, the entry's index. */
  public record MergeFreeze(long operationId, String targetShardId, long prepareIndex) {}

  /** A merge's COMMIT this shard applied: meta's operation, the source it took in, the entry's index. */
  public record MergeRecord(long operationId, String sourceShardId, long commitIndex) {}

  /** What a shard's splits and merges left in its replicated state; carried in snapshots. */
  public record Reshapes(SplitRecord lastSplit, MergeFreeze mergeFreeze, MergeRecord lastMerge, long mergeReleased) {
    public static final Reshapes NONE = new Reshapes(null, null, null, 0);
  }

  /**
   * A frozen shard's whole state as of its merge's PREPARE entry: what the target of the merge takes
   * in. The keyspace is the target's from then on (not a copy): the source hands it over.
   */
  public record FrozenState(Keyspace keyspace, ClientSessions clientSessions, long clockMs, int slotStart,
      int slotEnd, MergeFreeze freeze) {}

  /**
   * Where a merge's COMMIT finds its source's state on this node: the node's own replica of the
   * source, frozen by the same operation at the given index (see {@code operation.merge}).
   */
  public interface MergeSources {
    /** Throws when this node has no such state: the COMMIT cannot be applied here. */
    FrozenState frozen(String sourceShardId, long operationId, long prepareIndex);
  }

  /** Binds where merges find their sources; before the first entry is applied. */
  public void attachMergeSources(MergeSources sources) {
    this.mergeSources = sources;
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
      case SPLIT -> List.of(applySplit(index, entry.getSplit()));
      case MERGE -> List.of(applyMerge(index, entry.getMerge()));
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
    if (mergeFreeze != null) {
      List<byte[]> keys = spec.keys().keys(argv);
      return RoutingReply.TryAgain.frozenForMerge(keys.isEmpty() ? -1 : SlotHash.slot(keys.get(0)));
    }
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

  /**
   * One step of a merge (see {@code operation.merge}). PREPARE freezes this shard, the source: from
   * this entry on it refuses every command, so its state as of the entry is final. ROLLBACK lets it
   * serve again. COMMIT, in the target's log, takes in the source's frozen state from this node's
   * own copy and the source's slots. Each answers its entry's index (ROLLBACK: OK); a step proposed
   * again for the same operation answers the first one's and changes nothing.
   */
  private Reply applyMerge(long index, MergeBody merge) {
    long operation = merge.getOperationId();
    return switch (merge.getPhase()) {
      case MERGE_PREPARE -> {
        if (mergeFreeze != null) {
          yield mergeFreeze.operationId() == operation ? Replies.integer(mergeFreeze.prepareIndex())
              : Replies.error("ERR frozen by merge " + mergeFreeze.operationId() + " already");
        }
        if (operation <= mergeReleased) {
          // A late proposal of a merge already rolled back (by a driver that lost meta's leadership):
          // freezing now would freeze the shard with no operation left to let it go.
          yield Replies.error("ERR merge " + operation + " was rolled back here");
        }
        mergeFreeze = new MergeFreeze(operation, merge.getTargetShardId(), index);
        reshapeChanges++;
        yield Replies.integer(index);
      }
      case MERGE_ROLLBACK -> {
        if (mergeFreeze != null && mergeFreeze.operationId() == operation) {
          mergeFreeze = null;
          reshapeChanges++;
        }
        mergeReleased = Math.max(mergeReleased, operation);
        yield Replies.OK;
      }
      case MERGE_COMMIT -> commitMerge(index, merge);
      case MERGE_PHASE_UNSPECIFIED, UNRECOGNIZED -> throw new EntryCodec.UnreadableEntryException(
          "merge entry without a phase this build knows: " + merge.getPhaseValue());
    };
  }

  private Reply commitMerge(long index, MergeBody merge) {
    if (lastMerge != null && lastMerge.operationId() == merge.getOperationId()) {
      return Replies.integer(lastMerge.commitIndex());
    }
    int start = merge.getSourceSlotStart();
    int end = merge.getSourceSlotEnd();
    if (mergeFreeze != null || start > end || (end + 1 != slotStart && start != slotEnd + 1)) {
      return Replies.error("ERR cannot take in slots " + start + "-" + end + " next to " + slotStart + "-" + slotEnd
          + (mergeFreeze != null ? " while frozen" : ""));
    }
    if (mergeSources == null) {
      throw new IllegalStateException("merge " + merge.getOperationId() + " has no source states bound");
    }
    // Throws when this node has no copy of the source's final state: the replica stops applying
    // (every other replica takes the same entry from its own copy) rather than diverge.
    FrozenState source = mergeSources.frozen(merge.getSourceShardId(), merge.getOperationId(), merge.getSourceIndex());
    if (source.slotStart() != start || source.slotEnd() != end || source.freeze().operationId() != merge.getOperationId()) {
      throw new IllegalStateException("the copy of " + merge.getSourceShardId() + " here owns slots "
          + source.slotStart() + "-" + source.slotEnd() + " frozen by operation " + source.freeze().operationId()
          + ", not slots " + start + "-" + end + " by operation " + merge.getOperationId());
    }
    keyspace.absorb(source.keyspace(), start, end);
    clientSessions.absorb(source.clientSessions());
    clockMs = Math.max(clockMs, source.clockMs());
    slotStart = Math.min(slotStart, start);
    slotEnd = Math.max(slotEnd, end);
    lastMerge = new MergeRecord(merge.getOperationId(), merge.getSourceShardId(), index);
    reshapeChanges++;
    return Replies.integer(index);
  }

  /**
   * Hands this frozen shard's whole state to a merge's target on this node, if it is frozen by
   * {@code operationId} at {@code prepareIndex}; this shard keeps an empty keyspace (it refuses
   * every command anyway, and must take no snapshot from then on: its caller holds them).
   */
  public Optional<FrozenState> handOverFrozen(long operationId, long prepareIndex) {
    if (handedOver || mergeFreeze == null || mergeFreeze.operationId() != operationId
        || mergeFreeze.prepareIndex() != prepareIndex) {
      return Optional.empty();
    }
    FrozenState state = new FrozenState(keyspace, clientSessions, clockMs, slotStart, slotEnd, mergeFreeze);
    keyspace = new Keyspace();
    clientSessions = new ClientSessions();
    handedOver = true;
    return Optional.of(state);
  }

  /** This shard's whole state, if it is frozen by {@code operationId}, for a source loaded from disk. */
  public Optional<FrozenState> frozenState(long operationId) {
    if (mergeFreeze == null || mergeFreeze.operationId() != operationId) {
      return Optional.empty();
    }
    return Optional.of(new FrozenState(keyspace, clientSessions, clockMs, slotStart, slotEnd, mergeFreeze));
  }

  private Reply applyExpiry(LogEntry entry) {
    if (mergeFreeze != null) {
      return Replies.integer(0); // its state is final until a rollback; the target expires the keys
    }
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

  /** The merge that froze this shard, while it is frozen. */
  public Optional<MergeFreeze> mergeFreeze() {
    return Optional.ofNullable(mergeFreeze);
  }

  /** The newest merge this shard took a source in by, if any. */
  public Optional<MergeRecord> lastMerge() {
    return Optional.ofNullable(lastMerge);
  }

  /**
   * A count that moves whenever an applied entry froze the shard or let it go for a merge, or took a
   * merge's source in: the caller compares it around an apply to act on those.
   */
  public long reshapeChanges() {
    return reshapeChanges;
  }

  /** What splits and merges left in this shard's replicated state, for a snapshot. */
  public Reshapes reshapes() {
    return new Reshapes(lastSplit, mergeFreeze, lastMerge, mergeReleased);
  }

  /**
   * Replaces the whole state with a snapshot's: a fully loaded keyspace and client sessions (never
   * half-loaded ones), its applied position and its clock.
   */
  public void restore(Keyspace loaded, ClientSessions loadedSessions, long index, long term, long snapshotClockMs,
      int loadedSlotStart, int loadedSlotEnd, Reshapes loadedReshapes) {
    this.slotStart = loadedSlotStart;
    this.slotEnd = loadedSlotEnd;
    this.lastSplit = loadedReshapes.lastSplit();
    this.mergeFreeze = loadedReshapes.mergeFreeze();
    this.lastMerge = loadedReshapes.lastMerge();
    this.mergeReleased = loadedReshapes.mergeReleased();
    this.handedOver = false;
    this.carved = null;
    this.keyspace = loaded;
    this.clientSessions = loadedSessions;
    this.appliedIndex = index;
    this.appliedTerm = term;
    this.clockMs = snapshotClockMs;
  }
}
