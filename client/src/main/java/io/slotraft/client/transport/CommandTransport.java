package io.slotraft.client.transport;

import io.grpc.stub.StreamObserver;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;

/** Sends one attempt of one command to one node. Thread-safe. */
public interface CommandTransport extends AutoCloseable {
    /**
     * Sends {@code request} to {@code target}. Then exactly one of these follows, on any thread:
     * {@code onNext} with the response and {@code onCompleted}, or {@code onError} with a gRPC status
     * (DEADLINE_EXCEEDED once {@code timeoutNanos} have passed without an answer).
     */
    void execute(Endpoint target, CommandRequest request, long timeoutNanos, StreamObserver<CommandResponse> answer);

    /** Cuts what is in flight; the dispatcher has already failed its callers. */
    @Override
    void close();
}
