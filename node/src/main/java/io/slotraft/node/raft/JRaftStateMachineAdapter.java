package io.slotraft.node.raft;

import com.alipay.sofa.jraft.Closure;
import com.alipay.sofa.jraft.Iterator;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.core.StateMachineAdapter;
import com.alipay.sofa.jraft.entity.LeaderChangeContext;
import com.alipay.sofa.jraft.error.RaftError;
import com.alipay.sofa.jraft.error.RaftException;
import com.alipay.sofa.jraft.storage.snapshot.SnapshotReader;
import com.alipay.sofa.jraft.storage.snapshot.SnapshotWriter;
import io.slotraft.node.statemachine.EntryCodec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns JRaft's state machine callbacks into calls on a {@link ReplicatedStateMachine}. */
final class JRaftStateMachineAdapter<R> extends StateMachineAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(JRaftStateMachineAdapter.class);

  private final String groupId;
  private final ReplicatedStateMachine<R> target;
  private final Executor snapshotWriter;
  private volatile long leaderTerm = -1;
  /**
   * Counts every start and stop of leadership. A term alone does not tell them apart: a leadership
   * transfer that times out makes JRaft lead again in the same term (onLeaderStop, then
   * onLeaderStart with the old term). Written only on the FSM caller's thread.
   */
  private volatile long leadershipChanges;
  /** {@link System#nanoTime()} of the last onLeaderStart. */
  private volatile long leadingSinceNanos;
  /** The voters of the newest committed configuration; JRaft tells only leaders otherwise. */
  private volatile List<String> voters;
  /** The proposals in flight here, for those a step-down leaves to learn their fate from the log. */
  private final ProposalFates<R> fates = new ProposalFates<>();

  JRaftStateMachineAdapter(String groupId, ReplicatedStateMachine<R> target, Executor snapshotWriter,
      List<String> initialVoters) {
    this.groupId = groupId;
    this.target = target;
    this.snapshotWriter = snapshotWriter;
    this.voters = List.copyOf(initialVoters);
  }

  /** The learners of the newest committed configuration, likewise. */
  private volatile List<String> learners = List.of();

  List<String> learners() {
    return learners;
  }

  List<String> voters() {
    return voters;
  }

  @Override
  public void onConfigurationCommitted(Configuration configuration) {
    voters = configuration.getPeers().stream().map(peer -> peer.getEndpoint().toString()).toList();
    learners = configuration.getLearners().stream().map(peer -> peer.getEndpoint().toString()).toList();
  }

  ProposalFates<R> fates() {
    return fates;
  }

  /** The term this replica leads in, or -1 while it does not lead. */
  long leaderTerm() {
    return leaderTerm;
  }

  /** Changes with every start and stop of leadership, even within one term. */
  long leadershipChanges() {
    return leadershipChanges;
  }

  /** Whether this replica leads and has led without a break for at least {@code nanos}. */
  boolean ledFor(long nanos) {
    return leaderTerm > 0 && System.nanoTime() - leadingSinceNanos >= nanos;
  }

  boolean isLeader() {
    return leaderTerm > 0;
  }

  static ByteBuffer readOnlyView(ByteBuffer data) {
    return data == null ? ByteBuffer.allocate(0).asReadOnlyBuffer() : data.asReadOnlyBuffer();
  }

  @Override
  public void onApply(Iterator entries) {
    while (entries.hasNext()) {
      R result;
      try {
        // A view with its own position: on the leader this buffer is the log's in-memory copy of
        // the entry, which JRaft may still have to send to a follower after it is applied; a target
        // that reads it through must not leave it empty (a follower then received empty entries).
        result = target.applyEntry(entries.getIndex(), entries.getTerm(), readOnlyView(entries.getData()));
      } catch (EntryCodec.UnreadableEntryException e) {
        // Skipping an entry would fork this replica's state from its peers: stop instead.
        LOG.error("[{}] cannot apply entry {}: {}", groupId, entries.getIndex(), e.getMessage());
        entries.setErrorAndRollback(1, new Status(RaftError.ESTATEMACHINE, e.getMessage()));
        return;
      } catch (RuntimeException e) {
        // A bug outside any one command (the state machine answers a failing command itself). It is
        // deterministic, so every replica takes the same path; go on, but the proposer cannot know
        // how much of the entry took effect.
        LOG.error("[{}] entry at index {} failed", groupId, entries.getIndex(), e);
        if (entries.done() == null && !fates.isEmpty()) {
          fates.failedWithoutClosure(entries.getTerm(), readOnlyView(entries.getData()), e.toString());
        }
        runClosure(entries.done(), new Status(RaftError.ESTATEMACHINE, "applying the entry failed: %s", e));
        entries.next();
        continue;
      }
      if (entries.done() instanceof ProposalClosure<?> proposal) {
        applied(proposal, result);
      } else if (entries.done() == null && !fates.isEmpty()) {
        fates.appliedWithoutClosure(entries.getTerm(), readOnlyView(entries.getData()), result);
      }
      runClosure(entries.done(), Status.OK());
      entries.next();
    }
  }

  /**
   * Hands an entry's result to its proposer's closure. Only {@link RaftReplica#propose} makes
   * proposal closures, and only for the node this adapter serves: they all await an {@code R}.
   */
  @SuppressWarnings("unchecked")
  private static <R> void applied(ProposalClosure<?> proposal, R result) {
    ((ProposalClosure<R>) proposal).applied(result);
  }

  /** Only the leader that proposed an entry has its closure; JRaft leaves running it to us. */
  private static void runClosure(Closure done, Status status) {
    if (done != null) {
      done.run(status);
    }
  }

  @Override
  public void onSnapshotSave(SnapshotWriter writer, Closure done) {
    ReplicatedStateMachine.SnapshotJob job;
    try {
      job = target.captureSnapshot();
    } catch (RuntimeException e) {
      LOG.error("[{}] snapshot capture failed", groupId, e);
      done.run(new Status(RaftError.EIO, "snapshot capture failed: %s", e.getMessage()));
      return;
    }
    snapshotWriter.execute(() -> {
      try {
        List<String> files = job.writeTo(Path.of(writer.getPath()));
        for (String file : files) {
          if (!writer.addFile(file)) {
            throw new java.io.IOException("JRaft refused snapshot file " + file);
          }
        }
        done.run(Status.OK());
      } catch (Exception e) {
        LOG.error("[{}] writing the snapshot failed", groupId, e);
        done.run(new Status(RaftError.EIO, "writing the snapshot failed: %s", e.getMessage()));
      }
    });
  }

  @Override
  public boolean onSnapshotLoad(SnapshotReader reader) {
    try {
      target.loadSnapshot(Path.of(reader.getPath()));
      fates.abandonAll("this replica was caught up by a snapshot, not entry by entry");
      return true;
    } catch (Exception e) {
      // Returning false stops this replica: better than serving from a damaged snapshot.
      LOG.error("[{}] refusing snapshot in {}: {}", groupId, reader.getPath(), e.getMessage());
      return false;
    }
  }

  @Override
  public void onLeaderStart(long term) {
    leadingSinceNanos = System.nanoTime();
    leadershipChanges++;
    leaderTerm = term;
    LOG.info("[{}] became leader at term {}", groupId, term);
    target.onRoleChange(true, term);
  }

  @Override
  public void onLeaderStop(Status status) {
    leaderTerm = -1;
    leadershipChanges++;
    LOG.info("[{}] stopped leading: {}", groupId, status);
    target.onRoleChange(false, -1);
  }

  @Override
  public void onStartFollowing(LeaderChangeContext context) {
    LOG.info("[{}] following {} at term {}", groupId, context.getLeaderId(), context.getTerm());
  }

  @Override
  public void onError(RaftException e) {
    LOG.error("[{}] replica stopped by a Raft error: {}", groupId, e.getStatus());
  }
}
