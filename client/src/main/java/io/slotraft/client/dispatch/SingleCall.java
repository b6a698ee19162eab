package io.slotraft.client.dispatch;

import io.slotraft.client.SlotraftCrossSlotException;
import io.slotraft.client.SlotraftException;
import io.slotraft.client.command.Command;
import io.slotraft.client.command.ProtoReplies;
import io.slotraft.client.retry.WriteSession;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.SlotRouter;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.RoutingError;

/** One command sent by the dispatcher's transport (a stream, or Execute), to its slot's leader, until it has a reply. */
final class SingleCall<T> extends RetryingCall<T> {
    private final Command<T> command;
    private final int slot;
    private final WriteSession session;
    /** The write's number in the client's write session, kept across attempts; 0 when not sequenced. */
    private final long sequence;

    /** @param slot the slot whose leader gets the command: its key's, or one picked for a keyless fan-out */
    SingleCall(Dispatcher dispatcher, Command<T> command, int slot) {
        super(dispatcher);
        this.command = command;
        this.slot = slot;
        this.session = dispatcher.writeSession();
        this.sequence = command.sequenced() ? session.begin() : 0;
        if (sequence != 0) {
            result.whenComplete((value, error) -> session.finish(sequence));
        }
    }

    @Override
    String describe() {
        return command.name();
    }

    @Override
    Endpoint route(SlotRouter router) {
        return router.route(slot);
    }

    @Override
    boolean safeToRepeat() {
        return sequence != 0 || command.safeToRepeat();
    }

    @Override
    void send(Endpoint target, long attemptNanos) {
        CommandRequest request = sequence == 0 ? command.toRequest() : command.toRequest(session.sequence(sequence));
        dispatcher().transport().execute(target, request, attemptNanos,
                answerTo(target, response -> onResponse(target, response)));
    }

    private void onResponse(Endpoint target, CommandResponse response) {
        switch (response.getOutcomeCase()) {
            case REPLY:
                complete(command.decode(ProtoReplies.toReply(response.getReply())));
                break;
            case ROUTING_ERROR:
                onRoutingError(target, response.getRoutingError());
                break;
            default:
                fail(new SlotraftException(describe() + ": empty response from " + target));
        }
    }

    private void onRoutingError(Endpoint target, RoutingError error) {
        if (error.hasCrossSlot()) {
            fail(new SlotraftCrossSlotException(command.name(), error.getCrossSlot().getSlotsList()));
        } else {
            retryAfterRoutingError(target, error);
        }
    }
}
