package io.slotraft.client.dispatch;

import io.slotraft.client.routing.Endpoint;
import io.slotraft.proto.v1.RoutingError;

/** Reads the hints out of a routing error. */
final class RoutingErrors {
    private RoutingErrors() {
    }

    /** The leader the node named, or null when it named none (an election is under way). */
    static Endpoint namedLeader(RoutingError error) {
        switch (error.getKindCase()) {
            case NOT_LEADER:
                return error.getNotLeader().hasLeader() ? Endpoint.of(error.getNotLeader().getLeader()) : null;
            case WRONG_SHARD:
                return error.getWrongShard().hasOwnerLeader() ? Endpoint.of(error.getWrongShard().getOwnerLeader()) : null;
            default:
                return null;
        }
    }

    /** The shard the error is about; empty when the node did not say. */
    static String shardId(RoutingError error) {
        switch (error.getKindCase()) {
            case NOT_LEADER:
                return error.getNotLeader().getShardId();
            case WRONG_SHARD:
                return error.getWrongShard().getOwnerShardId();
            default:
                return "";
        }
    }

    /** The slot the error is about, or -1. */
    static int slot(RoutingError error) {
        switch (error.getKindCase()) {
            case NOT_LEADER:
                return error.getNotLeader().getSlot();
            case WRONG_SHARD:
                return error.getWrongShard().getSlot();
            case TRY_AGAIN:
                return error.getTryAgain().getSlot();
            default:
                return -1;
        }
    }

    static String describe(Endpoint from, RoutingError error) {
        switch (error.getKindCase()) {
            case NOT_LEADER:
                return from + " is not the leader (leader: " + namedLeader(error) + ", epoch "
                        + error.getNotLeader().getEpoch() + ")";
            case WRONG_SHARD:
                return from + " holds no replica of slot " + error.getWrongShard().getSlot() + " (epoch "
                        + error.getWrongShard().getEpoch() + ")";
            case TRY_AGAIN:
                return from + " has no leader for slot " + error.getTryAgain().getSlot() + ": "
                        + error.getTryAgain().getReason();
            default:
                return from + " answered " + error.getKindCase();
        }
    }
}
