package io.slotraft.tests.nemesis;

/** A network partition between nodes, healed at the end. */
record CutNetwork(Partition partition) implements Fault {

  @Override
  public String describe() {
    return "partition " + partition;
  }

  @Override
  public void begin(FaultTarget target) throws Exception {
    target.network().cut(partition);
    target.log().note("partition " + partition);
  }

  @Override
  public void end(FaultTarget target) throws Exception {
    target.network().heal();
    target.log().note("heal network (" + target.network().droppedPackets() + " packets between nodes dropped so far)");
  }
}
