package io.slotraft.client.fanout;

import io.slotraft.client.args.ScanArgs;
import io.slotraft.client.command.KeyCommandBuilder;
import io.slotraft.client.dispatch.Dispatcher;
import io.slotraft.client.reply.ScanResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SCAN over every leader node, one node after another, with one cursor. The cursor names the node's
 * position among the leader nodes (ordered by endpoint) and that node's own cursor:
 * {@code "<node cursor>"} for the first node, {@code "<position>:<node cursor>"} after it, and
 * {@code "0"} once the last node is done; so with one leader node the cursors are exactly the node's.
 * A page may be empty when the scan moves on to the next node.
 *
 * <p>SCAN's guarantee (every key present for the whole scan is returned) holds while leadership
 * stays put; if leaders move mid-scan, positions can shift and keys may be repeated or missed.
 */
public final class ClusterScan {
    private final Dispatcher dispatcher;

    public ClusterScan(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public CompletableFuture<ScanResult> scan(String cursor, ScanArgs args) {
        Position at = Position.parse(cursor);
        List<Integer> leaderSlots = dispatcher.router().map().oneSlotPerLeader();
        if (at.node() >= leaderSlots.size()) {
            return CompletableFuture.completedFuture(new ScanResult("0", List.of()));
        }
        return dispatcher.executeOnSlot(KeyCommandBuilder.scan(at.nodeCursor(), args), leaderSlots.get(at.node()))
                .thenApply(page -> new ScanResult(next(at.node(), page, leaderSlots.size()), page.keys()));
    }

    private static String next(int node, ScanResult page, int nodeCount) {
        if (!page.isFinished()) {
            return new Position(node, page.cursor()).toString();
        }
        return node + 1 < nodeCount ? new Position(node + 1, "0").toString() : "0";
    }

    /** Which leader node, and where in that node's own scan. */
    record Position(int node, String nodeCursor) {
        static Position parse(String cursor) {
            int colon = cursor.indexOf(':');
            if (colon < 0) {
                return new Position(0, cursor);
            }
            try {
                return new Position(Integer.parseInt(cursor.substring(0, colon)), cursor.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a cursor this client made: " + cursor, e);
            }
        }

        @Override
        public String toString() {
            return node == 0 ? nodeCursor : node + ":" + nodeCursor;
        }
    }
}
