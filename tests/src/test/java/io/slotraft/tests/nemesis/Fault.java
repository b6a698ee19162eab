package io.slotraft.tests.nemesis;

/**
 * One fault: begun, held while the workload runs, then ended (healed). Each says what it did in the
 * target's log as it does it.
 */
public interface Fault {
  /** E.g. "kill n2", for the plan. */
  String describe();

  void begin(FaultTarget target) throws Exception;

  /** Undoes the fault: the node restarted or resumed, the network healed. */
  void end(FaultTarget target) throws Exception;
}
