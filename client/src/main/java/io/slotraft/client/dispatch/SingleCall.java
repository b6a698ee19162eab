package io.slotraft.client.dispatch;

import io.slotraft.client.SlotraftCrossSlotException;
import io.slotraft.client.SlotraftException;
import io.slotraft.client.command.Command;
import io.slotraft.client.command.ProtoReplies;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.client.routing.LeaderTracker;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.RoutingError;
import io.slotraft.proto.v1.SlotraftClientGrpc.SlotraftClientStub;

/** One command sent with Execute until it has a reply. */
final class SingleCall<T> extends RetryingCall<T> {
    private final Command<T> command;

    SingleCall(Dispatcher dispatcher, Command<T> command) {
        super(dispatcher);
        this.command = command;
    }

    @Override
    String describe() {
        return command.name();
    }

    @Override
    Endpoint route(LeaderTracker tracker) {
        return tracker.route(command.routingKey());
    }

    @Override
    boolean safeToRepeat() {
        return command.safeToRepeat();
    }

    @Override
    void send(Endpoint target, SlotraftClientStub stub) {
        stub.execute(command.toRequest(), answerTo(target, response -> onResponse(target, response)));
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
