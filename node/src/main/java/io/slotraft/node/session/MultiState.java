package io.slotraft.node.session;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.statemachine.KeyWatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection's transaction: whether MULTI is open, the commands queued since, whether queuing
 * one of them failed (then EXEC aborts), and the keys it WATCHes with the moment each was watched.
 * Changed only by the connection's own thread (commands of a connection run one after another);
 * CLIENT LIST on other connections reads {@link #queuedCount}, which is kept volatile for them.
 */
public final class MultiState {
  /** A command accepted between MULTI and EXEC, to run at EXEC. */
  public record QueuedCommand(CommandSpec spec, CommandArgs args) {}

  private boolean open;
  private boolean dirty;
  private final List<QueuedCommand> queued = new ArrayList<>();
  /** Keyed by the key's bytes (a ByteBuffer compares content); first watch of a key wins, as in Redis. */
  private final Map<ByteBuffer, KeyWatch> watches = new LinkedHashMap<>();
  /** Commands queued, or -1 outside MULTI: CLIENT LIST's {@code multi} field. */
  private volatile int queuedCount = -1;

  public boolean isOpen() {
    return open;
  }

  public void open() {
    open = true;
    queuedCount = 0;
  }

  /** Commands queued so far, or -1 outside MULTI, as CLIENT LIST shows it. */
  public int queuedCount() {
    return queuedCount;
  }

  /** A command could not be queued (unknown, wrong arity, not allowed, wrong node): EXEC will abort. */
  public void markDirty() {
    dirty = true;
  }

  /** An unknown command or wrong arity: dooms the transaction if one is open, as Redis does. */
  public void markDirtyIfOpen() {
    if (open) {
      dirty = true;
    }
  }

  public boolean isDirty() {
    return dirty;
  }

  public void queue(CommandSpec spec, CommandArgs args) {
    queued.add(new QueuedCommand(spec, args));
    queuedCount = queued.size();
  }

  public List<QueuedCommand> queued() {
    return List.copyOf(queued);
  }

  /** Keeps the earliest watch of each key: a later WATCH of the same key does not forgive changes in between. */
  public void watch(KeyWatch watch) {
    watches.putIfAbsent(ByteBuffer.wrap(watch.key()), watch);
  }

  /** A copy: EXEC keeps it after {@link #end} clears the transaction. */
  public List<KeyWatch> watches() {
    return List.copyOf(watches.values());
  }

  public void unwatch() {
    watches.clear();
  }

  /** EXEC, DISCARD and RESET end the transaction and forget every watch. */
  public void end() {
    open = false;
    dirty = false;
    queued.clear();
    watches.clear();
    queuedCount = -1;
  }
}
