package io.slotraft.client.api.sync;

import static io.slotraft.client.codec.Utf8.encode;

import io.slotraft.client.codec.Utf8;
import java.time.Instant;

/** Connection and server commands. */
public interface ServerCommands {

    /** "PONG". */
    String ping();

    byte[] echo(byte[] message);

    /** The server's clock, to the microsecond. */
    Instant time();

    Long dbsize();

    /** Removes every key; "OK". */
    String flushall();

    default String echo(String message) {
        return Utf8.decode(echo(encode(message)));
    }
}
