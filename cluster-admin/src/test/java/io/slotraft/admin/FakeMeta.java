package io.slotraft.admin;

import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.slotraft.proto.v1.GetMetaStateRequest;
import io.slotraft.proto.v1.MetaCommand;
import io.slotraft.proto.v1.MetaServiceGrpc;
import io.slotraft.proto.v1.MetaState;
import io.slotraft.proto.v1.PlanRebalanceRequest;
import io.slotraft.proto.v1.ProposeReply;
import io.slotraft.proto.v1.ProposeRequest;
import io.slotraft.proto.v1.RebalanceSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A node's MetaService played in-process, as a test scripts it: the states successive reads get
 * (the last one repeats), the answer to each proposal, the rebalance plan; it records every
 * proposal. Its {@link #context} is the CLI's world around it: a clock that moves only when the CLI
 * sleeps and a Ctrl-C the script presses at a chosen read.
 */
final class FakeMeta implements AutoCloseable {
  private static final AtomicInteger names = new AtomicInteger();

  private final String name = "fake-meta-" + names.incrementAndGet();
  private final Server server;
  private final List<MetaState> states = new CopyOnWriteArrayList<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final List<MetaCommand> proposals = new CopyOnWriteArrayList<>();
  private final List<Integer> plansAsked = new CopyOnWriteArrayList<>();
  private volatile Function<MetaCommand, ProposeReply> answers = command -> ProposeReply.getDefaultInstance();
  private volatile RebalanceSpec plan = RebalanceSpec.getDefaultInstance();
  private volatile int ctrlCAtRead = -1;
  final FakeTicker ticker = new FakeTicker(1_000_000);
  final FakeCtrlC ctrlC = new FakeCtrlC();

  FakeMeta() throws IOException {
    server = InProcessServerBuilder.forName(name).addService(new Service()).build().start();
  }

  /** Reads get these states in order; the last one answers every read after it. */
  FakeMeta states(MetaState... script) {
    states.clear();
    states.addAll(List.of(script));
    return this;
  }

  FakeMeta answers(Function<MetaCommand, ProposeReply> answer) {
    this.answers = answer;
    return this;
  }

  FakeMeta plan(RebalanceSpec plan) {
    this.plan = plan;
    return this;
  }

  /** Presses Ctrl-C while serving the {@code read}-th read of meta (1 is the first). */
  FakeMeta ctrlCAtRead(int read) {
    this.ctrlCAtRead = read;
    return this;
  }

  List<MetaCommand> proposals() {
    return proposals;
  }

  List<Integer> plansAsked() {
    return plansAsked;
  }

  int reads() {
    return reads.get();
  }

  AdminContext context() {
    return new AdminContext(node -> InProcessChannelBuilder.forName(name).build(), ticker, ctrlC, 500, false);
  }

  /** What one CLI run against this node printed and returned. */
  record Run(int exitCode, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AdminMain.commandLine(context()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  private final class Service extends MetaServiceGrpc.MetaServiceImplBase {
    @Override
    public void getMetaState(GetMetaStateRequest request, StreamObserver<MetaState> reply) {
      int read = reads.incrementAndGet();
      if (read == ctrlCAtRead) {
        ctrlC.press();
      }
      List<MetaState> script = new ArrayList<>(states);
      reply.onNext(script.get(Math.min(read, script.size()) - 1));
      reply.onCompleted();
    }

    @Override
    public void propose(ProposeRequest request, StreamObserver<ProposeReply> reply) {
      proposals.add(request.getCommand());
      reply.onNext(answers.apply(request.getCommand()));
      reply.onCompleted();
    }

    @Override
    public void planRebalance(PlanRebalanceRequest request, StreamObserver<RebalanceSpec> reply) {
      plansAsked.add(request.getMaxConcurrentMoves());
      reply.onNext(plan.toBuilder().setMaxConcurrentMoves(request.getMaxConcurrentMoves()).build());
      reply.onCompleted();
    }
  }
}
