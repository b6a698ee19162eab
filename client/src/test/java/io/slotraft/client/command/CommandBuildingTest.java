package io.slotraft.client.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotraft.client.SlotraftCommandException;
import io.slotraft.client.SlotraftException;
import io.slotraft.client.args.ExpireArgs;
import io.slotraft.client.args.ScanArgs;
import io.slotraft.client.args.SetArgs;
import io.slotraft.client.codec.Utf8;
import io.slotraft.client.reply.KeyValue;
import io.slotraft.client.reply.Reply;
import io.slotraft.proto.v1.CommandRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each typed command's name, arguments and routing key, and how a command treats its reply. */
class CommandBuildingTest {

    private static byte[] b(String text) {
        return Utf8.encode(text);
    }

    private static String line(Command<?> command) {
        CommandRequest request = command.toRequest();
        return request.getName() + request.getArgsList().stream()
                .map(arg -> " " + arg.toString(StandardCharsets.UTF_8)).collect(Collectors.joining());
    }

    @Test
    void stringCommandsLayOutTheirArguments() {
        assertEquals("SET k v XX GET PX 20", line(StringCommandBuilder.set(b("k"), b("v"), new SetArgs().px(20).get().xx())));
        assertEquals("SETEX k 10 v", line(StringCommandBuilder.setex(b("k"), 10, b("v"))));
        assertEquals("PSETEX k 10 v", line(StringCommandBuilder.psetex(b("k"), 10, b("v"))));
        assertEquals("MSET a 1 b 2", line(StringCommandBuilder.mset(List.of(KeyValue.of("a", "1"), KeyValue.of("b", "2")))));
        assertEquals("MGET a b", line(StringCommandBuilder.mget(b("a"), b("b"))));
        assertEquals("INCRBY k -5", line(StringCommandBuilder.incrby(b("k"), -5)));
        assertEquals("GETRANGE k 0 -1", line(StringCommandBuilder.getrange(b("k"), 0, -1)));
        assertEquals("SETRANGE k 6 xy", line(StringCommandBuilder.setrange(b("k"), 6, b("xy"))));
    }

    @Test
    void floatsAreSentAsPlainDecimalsWithoutExponent() {
        assertEquals("INCRBYFLOAT k 0.1", line(StringCommandBuilder.incrbyfloat(b("k"), 0.1)));
        assertEquals("INCRBYFLOAT k 10000000000", line(StringCommandBuilder.incrbyfloat(b("k"), 1e10)));
        assertEquals("INCRBYFLOAT k -0.00001", line(StringCommandBuilder.incrbyfloat(b("k"), -1e-5)));
        assertThrows(IllegalArgumentException.class, () -> StringCommandBuilder.incrbyfloat(b("k"), Double.NaN));
    }

    @Test
    void keyCommandsLayOutTheirArguments() {
        assertEquals("PEXPIREAT k 1700000000000 GT",
                line(KeyCommandBuilder.expiry("PEXPIREAT", b("k"), 1_700_000_000_000L, new ExpireArgs().gt())));
        assertEquals("EXPIRE k 5", line(KeyCommandBuilder.expiry("EXPIRE", b("k"), 5, new ExpireArgs())));
        assertEquals("SCAN 17 MATCH a* COUNT 5", line(KeyCommandBuilder.scan("17", new ScanArgs().match("a*").count(5))));
        assertEquals("DEL a b c", line(KeyCommandBuilder.del(b("a"), b("b"), b("c"))));
        assertEquals("RENAME a b", line(KeyCommandBuilder.rename(b("a"), b("b"))));
        assertEquals("ECHO hi", line(ServerCommandBuilder.echo(b("hi"))));
    }

    @Test
    void theFirstKeyRoutesAndKeylessCommandsHaveNone() {
        assertArrayEquals(b("a"), StringCommandBuilder.mset(List.of(KeyValue.of("a", "1"), KeyValue.of("b", "2"))).routingKey());
        assertArrayEquals(b("old"), KeyCommandBuilder.rename(b("old"), b("new")).routingKey());
        assertNull(KeyCommandBuilder.keys(b("*")).routingKey(), "a pattern is not a key");
        assertNull(ServerCommandBuilder.ping().routingKey());
    }

    @Test
    void eachCommandKnowsWhetherItMayBeRepeated() {
        assertTrue(StringCommandBuilder.get(b("k")).safeToRepeat());
        assertTrue(StringCommandBuilder.set(b("k"), b("v")).safeToRepeat());
        assertFalse(StringCommandBuilder.set(b("k"), b("v"), new SetArgs().nx()).safeToRepeat());
        assertFalse(StringCommandBuilder.incr(b("k")).safeToRepeat());
        assertFalse(ServerCommandBuilder.generic("HINCRBY", b("h"), b("f"), b("1")).safeToRepeat());
    }

    @Test
    void anErrorReplyBecomesACommandExceptionAndAWrongShapeAClientBug() {
        Command<Long> incr = StringCommandBuilder.incr(b("k"));

        SlotraftCommandException error = assertThrows(SlotraftCommandException.class,
                () -> incr.decode(Reply.error("ERR value is not an integer or out of range")));
        assertEquals("ERR", error.errorCode());
        SlotraftException bug = assertThrows(SlotraftException.class, () -> incr.decode(Reply.simple("OK")));
        assertTrue(bug.getMessage().startsWith("unexpected reply to INCR"), bug.getMessage());
    }

    @Test
    void theGenericCommandHandsBackErrorsOnlyAsExceptions() {
        Command<Reply> hset = ServerCommandBuilder.generic("HSET", b("h"), b("f"), b("v"));
        assertEquals(Reply.integer(1), hset.decode(Reply.integer(1)));
        assertThrows(SlotraftCommandException.class, () -> hset.decode(Reply.error("WRONGTYPE x")));
    }

    @Test
    void everyKeyedWriteIsSequencedEvenAnIdempotentOneAndNoReadOrKeylessCommandIs() {
        // A second, late run of an idempotent SET can undo another client's write made in between.
        for (String write : List.of("SET", "DEL", "INCR", "SADD", "EXPIREAT", "SETRANGE", "GETEX")) {
            Command<Reply> command = Command.named(write).key(b("k")).arg(b("1")).returning(Decoders::raw);
            assertTrue(command.sequenced(), write);
        }
        for (String read : List.of("GET", "HGETALL", "ZRANGE", "EXISTS")) {
            assertFalse(Command.named(read).key(b("k")).returning(Decoders::raw).sequenced(), read);
        }
        assertFalse(Command.named("FLUSHALL").returning(Decoders::raw).sequenced(), "keyless");
        assertFalse(Command.named("BLPOP").key(b("k")).arg(b("0")).returning(Decoders::raw).sequenced());
    }
}
