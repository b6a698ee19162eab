package io.slotraft.client.command;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Where the first key of a command sent by name sits among its arguments, so that the generic
 * execute and batches go to the key's slot leader like typed commands do. The node's catalog is the
 * authority; this table is a routing guess, and a wrong guess costs one redirect, never a wrong answer.
 */
final class KeyPositions {
    static final int NONE = -1;

    /** Commands with no key: they may go to any node. */
    private static final Set<String> KEYLESS = Set.of(
            "PING", "ECHO", "INFO", "TIME", "DBSIZE", "KEYS", "SCAN", "RANDOMKEY", "FLUSHALL", "FLUSHDB",
            "COMMAND", "CLUSTER", "CONFIG", "CLIENT", "HELLO", "AUTH", "SELECT", "QUIT", "RESET", "WAIT",
            "SAVE", "BGSAVE", "LASTSAVE", "READONLY", "READWRITE", "ASKING", "MULTI", "EXEC", "DISCARD",
            "UNWATCH", "PUBLISH", "SUBSCRIBE", "UNSUBSCRIBE", "PSUBSCRIBE", "PUNSUBSCRIBE", "PUBSUB",
            "SCRIPT", "FUNCTION", "SLOWLOG", "LATENCY", "MEMORY", "DEBUG", "SHUTDOWN", "ROLE");

    /** A word first (a subcommand or operation), then the key: OBJECT ENCODING key, BITOP AND dest key... */
    private static final Set<String> KEY_AFTER_ONE_WORD = Set.of("OBJECT", "BITOP");

    /** numkeys first, then the keys. */
    private static final Set<String> KEYS_AFTER_NUMKEYS = Set.of(
            "ZUNION", "ZINTER", "ZDIFF", "ZINTERCARD", "SINTERCARD", "LMPOP", "ZMPOP");

    /** A timeout, numkeys, then the keys. */
    private static final Set<String> KEYS_AFTER_TIMEOUT_AND_NUMKEYS = Set.of("BLMPOP", "BZMPOP");

    /** A script or function, numkeys, then the keys (maybe none). */
    private static final Set<String> SCRIPT_CALLS = Set.of("EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO");

    private KeyPositions() {
    }

    /** The index in {@code args} (the arguments after the name) of the first key, or {@link #NONE}. */
    static int firstKey(String name, byte[][] args) {
        String command = name.toUpperCase(Locale.ROOT);
        int index;
        if (KEYLESS.contains(command)) {
            index = NONE;
        } else if (KEY_AFTER_ONE_WORD.contains(command) || KEYS_AFTER_NUMKEYS.contains(command)) {
            index = 1;
        } else if (KEYS_AFTER_TIMEOUT_AND_NUMKEYS.contains(command)) {
            index = 2;
        } else if (SCRIPT_CALLS.contains(command)) {
            index = args.length > 1 && !"0".equals(new String(args[1], StandardCharsets.UTF_8)) ? 2 : NONE;
        } else {
            index = 0;
        }
        return index < args.length ? index : NONE;
    }
}
