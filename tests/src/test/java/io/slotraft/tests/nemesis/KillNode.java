package io.slotraft.tests.nemesis;

/** SIGKILL of one node (no shutdown hook, nothing flushed that was not already), restarted at the end. */
record KillNode(String node) implements Fault {

  @Override
  public String describe() {
    return "kill " + node;
  }

  @Override
  public void begin(FaultTarget target) throws Exception {
    target.node(node).kill();
    target.log().note("SIGKILL " + node);
  }

  @Override
  public void end(FaultTarget target) throws Exception {
    target.cluster().start(target.node(node));
    target.log().note("restart " + node);
  }
}
