package io.slotraft.node.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.node.meta.MemberReport.ReportedShard;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.NodeReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** When a node reports to meta: at once on a change, every 30 s unchanged, again after meta failed to take one. */
class NodeReporterTest {
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final AtomicReference<List<ReportedShard>> replicas =
      new AtomicReference<>(List.of(new ReportedShard("s2", false), new ReportedShard("s1", true)));
  private final List<NodeReport> sent = new ArrayList<>();
  private final List<CompletableFuture<Object>> answers = new ArrayList<>();
  private final NodeReporter reporter = new NodeReporter("n1-id", replicas::get, this::propose, clock::get);

  private CompletableFuture<?> propose(MetaCommand command) {
    sent.add(command.getNodeReport());
    CompletableFuture<Object> answer = new CompletableFuture<>();
    answers.add(answer);
    return answer;
  }

  private void metaTakesTheLast() {
    answers.get(answers.size() - 1).complete("applied");
  }

  @Test
  void reportsAtOnceThenOnlyOnChangesOrEveryThirtySeconds() {
    reporter.run();
    assertEquals(1, sent.size());
    assertEquals(List.of("s1", "s2"), sent.get(0).getShardsList().stream().map(s -> s.getShardId()).toList(),
        "in shard id order");
    assertEquals(clock.get(), sent.get(0).getReportedAtMs());
    reporter.run();
    assertEquals(1, sent.size(), "one report in flight at a time");
    metaTakesTheLast();

    clock.addAndGet(NodeReporter.INTERVAL_MS);
    reporter.run();
    assertEquals(1, sent.size(), "nothing changed");

    replicas.set(List.of(new ReportedShard("s1", false), new ReportedShard("s2", true)));
    reporter.run();
    assertEquals(2, sent.size(), "leadership moved");
    assertEquals(true, sent.get(1).getShards(1).getLeader());
    metaTakesTheLast();

    clock.addAndGet(NodeReporter.UNCHANGED_EVERY_MS - 1);
    reporter.run();
    assertEquals(2, sent.size());
    clock.addAndGet(1);
    reporter.run();
    assertEquals(3, sent.size(), "unchanged, but 30 s old");
  }

  @Test
  void aReportMetaDidNotTakeIsSentAgainOnTheNextTick() {
    reporter.run();
    answers.get(0).completeExceptionally(new IllegalStateException("no meta leader"));
    reporter.run();
    assertEquals(2, sent.size());
    metaTakesTheLast();
    reporter.run();
    assertEquals(2, sent.size());
  }
}
