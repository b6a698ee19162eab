package io.slotraft.node.reply;

/**
 * An error that tells the client where to go instead: the RESP front end sends {@link #respText()}
 * ({@code MOVED 3999 127.0.0.1:7002}), the gRPC front end a structured routing error.
 */
public sealed interface RoutingReply extends Reply
    permits RoutingReply.Moved, RoutingReply.CrossSlot, RoutingReply.TryAgain {

  String respText();

  /**
   * The slot's shard is led by another node.
   *
   * @param leaderNodeId the leader's node id (40 hex characters)
   * @param host the leader's host
   * @param respPort the leader's RESP port (what {@code -MOVED} carries)
   * @param grpcPort the leader's gRPC port (what the Java client follows)
   */
  record Moved(int slot, String shardId, String leaderNodeId, String host, int respPort, int grpcPort,
      long epoch) implements RoutingReply {
    @Override
    public String respText() {
      return "MOVED " + slot + " " + host + ":" + respPort;
    }
  }

  record CrossSlot() implements RoutingReply {
    @Override
    public String respText() {
      return "CROSSSLOT Keys in request don't hash to the same slot";
    }
  }

  /**
   * The shard has no leader right now, or it is busy, or (with {@code reshaping}) a split just gave
   * the slot to a new shard, or a merge froze the shard, and clients cannot be sent where the slot
   * goes yet; the command was not executed.
   */
  record TryAgain(int slot, String reason, boolean reshaping) implements RoutingReply {
    public TryAgain(int slot, String reason) {
      this(slot, reason, false);
    }

    /** A command refused by a shard that a split took its slot from. */
    public static TryAgain movedBySplit(int slot) {
      return new TryAgain(slot, "slot " + slot + " moved to another shard by a split, retry", true);
    }

    /** A command refused by a shard that a merge froze (slot -1 for a keyless one). */
    public static TryAgain frozenForMerge(int slot) {
      return new TryAgain(slot, (slot >= 0 ? "slot " + slot : "the shard") + " is being merged into another shard, retry",
          true);
    }

    @Override
    public String respText() {
      return "TRYAGAIN " + reason;
    }
  }
}
