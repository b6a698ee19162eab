package io.slotraft.node.statemachine;

/**
 * Where one write stands in its client's write session: the client's random id, the write's
 * number (from 1), and the lowest number the client still awaits an answer for. The state machine
 * applies each (client, sequence) once; see {@link ClientSessions}.
 */
public record ClientSequence(long clientId, long sequence, long firstUnanswered) {

  public ClientSequence {
    if (sequence < 1 || firstUnanswered < 0 || firstUnanswered > sequence) {
      throw new IllegalArgumentException("sequence " + sequence + " with first unanswered " + firstUnanswered
          + ": sequences start at 1 and the first unanswered cannot be past the write itself");
    }
  }
}
