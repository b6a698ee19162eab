package io.slotraft.client.retry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which commands may be sent again when a connection broke after they were sent. Sending one twice
 * must leave the same data and give the caller the same answer as sending it once: reads, and writes
 * that set an absolute state. Anything not listed (INCR, APPEND, GETSET, RENAME, relative EXPIRE...,
 * and every command this table has not heard of) is unsafe: the caller gets
 * {@code SlotraftIndeterminateException} instead of a silent second run.
 */
public final class RetrySafety {

    private static final Set<String> READS = Set.of(
            "GET", "MGET", "EXISTS", "TOUCH", "TTL", "PTTL", "TYPE", "STRLEN", "GETRANGE", "SUBSTR", "LCS",
            "KEYS", "SCAN", "DBSIZE", "RANDOMKEY", "EXPIRETIME", "PEXPIRETIME", "PING", "ECHO", "TIME",
            "HGET", "HMGET", "HGETALL", "HKEYS", "HVALS", "HLEN", "HEXISTS", "HSTRLEN", "HSCAN",
            "LRANGE", "LLEN", "LINDEX", "LPOS",
            "SMEMBERS", "SISMEMBER", "SMISMEMBER", "SCARD", "SSCAN", "SINTER", "SUNION", "SDIFF",
            "ZRANGE", "ZRANGEBYSCORE", "ZRANGEBYLEX", "ZREVRANGE", "ZSCORE", "ZMSCORE", "ZCARD",
            "ZCOUNT", "ZLEXCOUNT", "ZRANK", "ZREVRANK", "ZSCAN",
            "GETBIT", "BITCOUNT", "BITPOS", "BITFIELD_RO", "PFCOUNT", "DUMP", "INFO", "COMMAND");

    /**
     * Writes whose second run leaves the same data: they set an absolute state. GETEX is here like
     * SET ... EX: a second run only restarts a relative TTL, which the caller cannot tell apart.
     */
    private static final Set<String> IDEMPOTENT_WRITES = Set.of(
            "MSET", "DEL", "UNLINK", "PERSIST", "EXPIREAT", "PEXPIREAT", "SETRANGE", "FLUSHALL",
            "FLUSHDB", "GETEX");

    /**
     * Writes the node does not deduplicate by sequence: blocking pops wait on the leader and pop
     * through a fresh proposal each time, and the transaction verbs belong to a connection.
     */
    private static final Set<String> NEVER_SEQUENCED = Set.of(
            "BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH", "BLMPOP", "BZPOPMIN", "BZPOPMAX", "BZMPOP",
            "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH");

    /** SET options whose answer differs on a second run: NX answers nil, GET answers the new value. */
    private static final Set<String> SET_OPTIONS_UNSAFE_TO_REPEAT = Set.of("NX", "GET");

    private RetrySafety() {
    }

    /** Whether the command only reads: a second run changes nothing, whenever it lands. */
    public static boolean isRead(String name) {
        return READS.contains(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether sending the command twice leaves the same data as sending it once, taken alone. For a
     * keyed write that is not enough under concurrency (a late second run can undo another client's
     * write in between), so the client sequences every keyed write instead; this decides only for
     * keyless commands and for the commands that cannot be sequenced.
     */
    public static boolean isSafeToRepeat(String name, List<byte[]> args) {
        String command = name.toUpperCase(Locale.ROOT);
        if (command.equals("SET")) {
            return setIsSafe(args);
        }
        return READS.contains(command) || IDEMPOTENT_WRITES.contains(command);
    }

    /**
     * Whether a keyed command that is not safe to repeat can be made safe with a {@link WriteSession}
     * sequence: every keyspace write but blocking pops and transaction verbs.
     */
    public static boolean canBeSequenced(String name) {
        return !NEVER_SEQUENCED.contains(name.toUpperCase(Locale.ROOT));
    }

    /** SET key value [options]: options start at the third argument. */
    private static boolean setIsSafe(List<byte[]> args) {
        for (int i = 2; i < args.size(); i++) {
            String option = new String(args.get(i), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
            if (SET_OPTIONS_UNSAFE_TO_REPEAT.contains(option)) {
                return false;
            }
        }
        return true;
    }
}
