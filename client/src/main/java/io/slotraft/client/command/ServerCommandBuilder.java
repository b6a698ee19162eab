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
     * Any command by name, routed by its first key as {@link KeyPositions} places it (keyless
     * commands go to any node). Only that key routes: a command over several keys must keep them
     * in one slot, as on any Redis Cluster.
     */
    public static Command<Reply> generic(String name, byte[]... args) {
        Command.Builder builder = Command.named(name);
        int firstKey = KeyPositions.firstKey(name, args);
        for (int i = 0; i < args.length; i++) {
            if (i == firstKey) {
                builder.key(args[i]);
            } else {
                builder.arg(args[i]);
            }
        }
        return builder.returning(Decoders::raw);
    }
}
