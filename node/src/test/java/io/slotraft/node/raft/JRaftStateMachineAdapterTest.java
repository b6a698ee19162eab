package io.slotraft.node.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alipay.sofa.jraft.Closure;
import com.alipay.sofa.jraft.Iterator;
import com.alipay.sofa.jraft.Status;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Applying an entry leaves JRaft's buffer as it was. On the leader that buffer is the log's
 * in-memory copy, still to be sent to a follower that lags; a state machine that read it through
 * once made the follower receive an empty entry, and its meta replica stopped at it. And what an
 * entry's apply answers goes to the closure of the proposal that carried that entry.
 */
class JRaftStateMachineAdapterTest {

  /** Reads each entry through, as MetaReplica does, and answers the entry's first byte. */
  private static final class ConsumingTarget implements ReplicatedStateMachine<Byte> {
    final List<byte[]> seen = new ArrayList<>();

    @Override
    public Byte applyEntry(long index, long term, ByteBuffer data) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      seen.add(bytes);
      return bytes[0];
    }

    @Override
    public SnapshotJob captureSnapshot() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void loadSnapshot(Path directory) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void onRoleChange(boolean leader, long term) {}
  }

  /** JRaft's iterator over committed entries, over a list of buffers and their proposers' closures. */
  private static final class Entries implements Iterator {
    private final List<ByteBuffer> data;
    private final List<Closure> proposers;
    private int at;

    Entries(List<ByteBuffer> data) {
      this(data, null);
    }

    Entries(List<ByteBuffer> data, List<Closure> proposers) {
      this.data = data;
      this.proposers = proposers;
    }

    @Override
    public ByteBuffer getData() {
      return data.get(at);
    }

    @Override
    public long getIndex() {
      return at + 1;
    }

    @Override
    public long getTerm() {
      return 1;
    }

    @Override
    public Closure done() {
      return proposers == null ? null : proposers.get(at);
    }

    @Override
    public void setErrorAndRollback(long ntail, Status st) {
      throw new AssertionError("no entry should fail: " + st);
    }

    @Override
    public void setAutoCommitPerLog(boolean status) {}

    @Override
    public boolean commit() {
      return false;
    }

    @Override
    public void commitAndSnapshotSync(Closure done) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean hasNext() {
      return at < data.size();
    }

    @Override
    public ByteBuffer next() {
      return data.get(at++);
    }
  }

  @Test
  void aTargetThatReadsTheEntryThroughLeavesTheLogsBufferWhole() {
    ByteBuffer logCopy = ByteBuffer.wrap(new byte[] {8, 2, 82, 3, 10, 1, 120});
    ConsumingTarget target = new ConsumingTarget();
    JRaftStateMachineAdapter<Byte> adapter = new JRaftStateMachineAdapter<>("meta", target, Runnable::run, List.of());
    adapter.onApply(new Entries(List.of(logCopy)));
    assertArrayEquals(logCopy.array(), target.seen.get(0));
    assertEquals(0, logCopy.position(), "what a replicator sends next is still the whole entry");
    assertEquals(7, logCopy.remaining());
  }

  @Test
  void eachProposerReceivesWhatItsOwnEntryAnswered() {
    JRaftStateMachineAdapter<Byte> adapter = new JRaftStateMachineAdapter<>("meta", new ConsumingTarget(),
        Runnable::run, List.of());
    ProposalClosure<Byte> first = new ProposalClosure<>(() -> {}, 1, ByteBuffer.wrap(new byte[] {1}), adapter.fates());
    ProposalClosure<Byte> second = new ProposalClosure<>(() -> {}, 1, ByteBuffer.wrap(new byte[] {3}), adapter.fates());
    adapter.onApply(new Entries(List.of(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2}),
        ByteBuffer.wrap(new byte[] {3})), Arrays.asList(first, null, second)));
    assertEquals((byte) 1, first.future().join());
    assertEquals((byte) 3, second.future().join(), "the entry between was proposed on another replica");
  }
}
