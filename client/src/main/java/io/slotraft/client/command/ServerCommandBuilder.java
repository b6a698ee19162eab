package io.slotraft.client.command;

import io.slotraft.client.reply.Reply;
import java.time.Instant;

/** Server and connection commands, and the generic command; each written down once. */
public final class ServerCommandBuilder {
    private ServerCommandBuilder() {
    }

    public static Command<String> ping() {
        return Command.named("PING").returning(Decoders::text);
    }

    public static Command<byte[]> echo(byte[] message) {
        return Command.named("ECHO").arg(message).returning(Decoders::bytes);
    }

    public static Command<Instant> time() {
        return Command.named("TIME").returning(Decoders::time);
    }

    public static Command<Long> dbsize() {
        return Command.named("DBSIZE").returning(Decoders::integer);
    }

    public static Command<String> flushall() {
        return Command.named("FLUSHALL").returning(Decoders::text);
    }

    /**
     * Any command by name. The client does not know its key positions, so it is routed to the
     * leader it knows rather than by key; fine while one shard owns every slot.
     */
    public static Command<Reply> generic(String name, byte[]... args) {
        Command.Builder builder = Command.named(name);
        for (byte[] arg : args) {
            builder.arg(arg);
        }
        return builder.returning(Decoders::raw);
    }
}
