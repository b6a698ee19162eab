package io.slotraft.client.command;

import com.google.protobuf.ByteString;
import io.slotraft.client.SlotraftCommandException;
import io.slotraft.client.SlotraftException;
import io.slotraft.client.reply.Reply;
import io.slotraft.client.retry.RetrySafety;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.CommandRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One command ready to send: its request (built once; the arguments are copied into it, so a caller
 * may reuse its arrays), the key that routes it (the first key, or none), whether it is safe to send
 * again after a lost connection, and how to decode its reply.
 */
public final class Command<T> {
    /** The slot of a keyless command: it may go to any node. */
    public static final int NO_SLOT = -1;

    private final String name;
    private final CommandRequest request;
    private final byte[] routingKey;
    private final int slot;
    private final ReplyDecoder<T> decoder;
    private final boolean safeToRepeat;
    private final boolean sequenced;

    private Command(Builder builder, ReplyDecoder<T> decoder) {
        this.name = builder.name;
        this.request = builder.toRequest();
        this.routingKey = builder.routingKey == null ? null : builder.routingKey.clone();
        this.slot = routingKey == null ? NO_SLOT : SlotHash.slot(routingKey);
        this.decoder = decoder;
        this.safeToRepeat = RetrySafety.isSafeToRepeat(name, builder.args);
        // Every keyed write, idempotent or not: a second run of SET x 1 that lands after another
        // client's SET x 2 undoes it, which no single run could have done (not linearizable).
        this.sequenced = slot != NO_SLOT && !RetrySafety.isRead(name) && RetrySafety.canBeSequenced(name);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The first key, whose slot picks the shard; null for keyless commands. */
    public byte[] routingKey() {
        return routingKey;
    }

    /** The routing key's slot, computed once; {@link #NO_SLOT} for keyless commands. */
    public int slot() {
        return slot;
    }

    public boolean safeToRepeat() {
        return safeToRepeat;
    }

    /**
     * A keyed write, which the client sends with a write-session sequence so that retrying it is safe
     * (the node applies it once and answers a retry with the first reply).
     */
    public boolean sequenced() {
        return sequenced;
    }

    /** The request with a write-session sequence attached. */
    public CommandRequest toRequest(io.slotraft.proto.v1.RequestSequence sequence) {
        return request.toBuilder().setSequence(sequence).build();
    }

    public CommandRequest toRequest() {
        return request;
    }

    /** Redis error replies become {@link SlotraftCommandException}; a reply of the wrong shape is a bug. */
    public T decode(Reply reply) {
        if (reply.isError()) {
            throw new SlotraftCommandException(reply.errorMessage());
        }
        try {
            return decoder.decode(reply);
        } catch (IllegalStateException | NumberFormatException e) {
            throw new SlotraftException("unexpected reply to " + name + ": " + reply, e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + request.getArgsCount() + " args)";
    }

    /**
     * Collects the arguments in order, by reference until {@link #returning} copies them into the
     * request; {@link #key} also remembers the first key for routing.
     */
    public static final class Builder {
        private final String name;
        private final List<byte[]> args = new ArrayList<>();
        private byte[] routingKey;

        private Builder(String name) {
            this.name = name;
        }

        public Builder key(byte[] key) {
            if (routingKey == null) {
                routingKey = key;
            }
            return arg(key);
        }

        public Builder keys(byte[]... keys) {
            for (byte[] key : keys) {
                key(key);
            }
            return this;
        }

        public Builder arg(byte[] value) {
            args.add(value);
            return this;
        }

        public Builder arg(String token) {
            return arg(token.getBytes(StandardCharsets.UTF_8));
        }

        public Builder arg(long number) {
            return arg(Long.toString(number));
        }

        /** Plain decimal text: no exponent, which every Redis float parser accepts. */
        public Builder arg(double number) {
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("not a finite number: " + number);
            }
            return arg(BigDecimal.valueOf(number).stripTrailingZeros().toPlainString());
        }

        public Builder args(List<byte[]> tokens) {
            tokens.forEach(this::arg);
            return this;
        }

        public <T> Command<T> returning(ReplyDecoder<T> decoder) {
            return new Command<>(this, decoder);
        }

        private CommandRequest toRequest() {
            CommandRequest.Builder request = CommandRequest.newBuilder().setName(name);
            for (byte[] arg : args) {
                request.addArgs(ByteString.copyFrom(arg));
            }
            return request.build();
        }
    }
}
