package io.slotraft.client.dispatch;

import io.slotraft.client.SlotraftException;
import io.slotraft.client.command.Command;
import io.slotraft.client.command.ProtoReplies;
import io.slotraft.client.reply.Reply;
import io.slotraft.client.retry.WriteSession;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.SlotRouter;
import io.slotraft.proto.v1.BatchRequest;
import io.slotraft.proto.v1.BatchResponse;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.RoutingError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Commands of one shard sent together with ExecuteBatch, to the shard's leader, until each has a
 * reply. An entry that came back with a routing error did not run, so only those entries are sent
 * again; entries that ran keep their reply. Within one shard a routing error hits every entry from
 * some point on, so the resent ones still run in their queued order after the ones that ran. Redis
 * errors and CROSSSLOT stay per entry, as error replies, so one bad command does not hide the
 * others' results. Routing follows the first entry not yet run: if the shard split meanwhile, the
 * entries of the other half are redirected and sent again in a later round.
 */
final class BatchCall extends RetryingCall<List<Reply>> {
    /** Redis Cluster's text for the same mistake, so batch callers see one familiar message. */
    static final String CROSSSLOT_ERROR = "CROSSSLOT Keys in request don't hash to the same slot";

    private final List<Command<Reply>> commands;
    private final Reply[] replies;
    private final WriteSession session;
    /** Per entry, its write-session sequence (kept across attempts), or 0 when not sequenced. */
    private final long[] sequences;
    private List<Integer> pending;

    BatchCall(Dispatcher dispatcher, List<Command<Reply>> commands) {
        super(dispatcher);
        this.commands = List.copyOf(commands);
        this.replies = new Reply[commands.size()];
        this.session = dispatcher.writeSession();
        this.sequences = new long[commands.size()];
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            all.add(i);
            sequences[i] = commands.get(i).sequenced() ? session.begin() : 0;
        }
        this.pending = all;
        result.whenComplete((value, error) -> {
            for (long sequence : sequences) {
                if (sequence != 0) {
                    session.finish(sequence);
                }
            }
        });
    }

    @Override
    String describe() {
        return "batch of " + pending.size();
    }

    @Override
    Endpoint route(SlotRouter router) {
        // The first keyed entry decides: keyless ones (PING) may run anywhere, keyed ones may not.
        for (int index : pending) {
            int slot = commands.get(index).slot();
            if (slot != Command.NO_SLOT) {
                return router.route(slot);
            }
        }
        return router.route(Command.NO_SLOT);
    }

    @Override
    boolean safeToRepeat() {
        return pending.stream().allMatch(i -> sequences[i] != 0 || commands.get(i).safeToRepeat());
    }

    @Override
    void send(Endpoint target, long attemptNanos) {
        BatchRequest.Builder request = BatchRequest.newBuilder();
        pending.forEach(i -> request.addCommands(sequences[i] == 0 ? commands.get(i).toRequest()
                : commands.get(i).toRequest(session.sequence(sequences[i]))));
        dispatcher().stub(target, attemptNanos).executeBatch(request.build(),
                answerTo(target, response -> onResponse(target, response)));
    }

    private void onResponse(Endpoint target, BatchResponse response) {
        if (response.getResponsesCount() != pending.size()) {
            fail(new SlotraftException(target + " answered " + response.getResponsesCount()
                    + " of " + pending.size() + " batched commands"));
            return;
        }
        List<Integer> notRun = new ArrayList<>();
        RoutingError firstError = null;
        for (int i = 0; i < pending.size(); i++) {
            RoutingError error = record(pending.get(i), response.getResponses(i));
            if (error != null) {
                notRun.add(pending.get(i));
                firstError = firstError == null ? error : firstError;
            }
        }
        retryOrFinish(target, notRun, firstError);
    }

    /** Stores an entry's reply; returns the routing error instead when the entry did not run. */
    private RoutingError record(int index, CommandResponse response) {
        if (response.hasReply()) {
            replies[index] = ProtoReplies.toReply(response.getReply());
            return null;
        }
        if (!response.hasRoutingError()) {
            throw new SlotraftException("empty response for " + commands.get(index));
        }
        RoutingError error = response.getRoutingError();
        if (error.hasCrossSlot()) {
            replies[index] = Reply.error(CROSSSLOT_ERROR);
            return null;
        }
        return error;
    }

    private void retryOrFinish(Endpoint target, List<Integer> notRun, RoutingError firstError) {
        if (notRun.isEmpty()) {
            complete(Collections.unmodifiableList(Arrays.asList(replies.clone())));
            return;
        }
        if (notRun.size() < pending.size()) {
            madeProgress();
        }
        pending = notRun;
        retryAfterRoutingError(target, firstError);
    }
}
