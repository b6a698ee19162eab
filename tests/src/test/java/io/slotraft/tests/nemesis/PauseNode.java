package io.slotraft.tests.nemesis;

/**
 * SIGSTOP of one node, SIGCONT at the end: a process that stops answering without its sockets
 * closing (a long GC pause, a VM migration), the fault that exposes clocks and leases trusted too
 * long. A paused leader wakes up still believing it leads.
 */
record PauseNode(String node) implements Fault {

  @Override
  public String describe() {
    return "pause " + node;
  }

  @Override
  public void begin(FaultTarget target) throws Exception {
    target.node(node).signal("STOP");
    target.log().note("SIGSTOP " + node);
  }

  @Override
  public void end(FaultTarget target) throws Exception {
    target.node(node).signal("CONT");
    target.log().note("SIGCONT " + node);
  }
}
