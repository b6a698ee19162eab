package io.slotraft.client;

import io.slotraft.client.api.async.SlotraftAsyncCommands;
import io.slotraft.client.args.ExpireArgs;
import io.slotraft.client.args.GetExArgs;
import io.slotraft.client.args.ScanArgs;
import io.slotraft.client.args.SetArgs;
import io.slotraft.client.command.KeyCommandBuilder;
import io.slotraft.client.command.ServerCommandBuilder;
import io.slotraft.client.command.StringCommandBuilder;
import io.slotraft.client.dispatch.Dispatcher;
import io.slotraft.client.fanout.ClusterScan;
import io.slotraft.client.fanout.LeaderFanout;
import io.slotraft.client.multikey.MultiKeyCommand;
import io.slotraft.client.multikey.MultiKeyExecutor;
import io.slotraft.client.reply.KeyValue;
import io.slotraft.client.reply.Reply;
import io.slotraft.client.reply.ScanResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Each method builds its command with a builder and hands it to what sends it: the dispatcher for
 * commands of one slot, the multi-key executor for commands whose keys may span slots, the leader
 * fan-out for keyless commands about the whole keyspace. Nothing more.
 */
final class AsyncCommandsImpl implements SlotraftAsyncCommands {
    private final Dispatcher dispatcher;
    private final MultiKeyExecutor multiKey;
    private final LeaderFanout fanout;
    private final ClusterScan scan;

    AsyncCommandsImpl(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.multiKey = new MultiKeyExecutor(dispatcher);
        this.fanout = new LeaderFanout(dispatcher);
        this.scan = new ClusterScan(dispatcher);
    }

    @Override
    public CompletableFuture<byte[]> get(byte[] key) {
        return dispatcher.execute(StringCommandBuilder.get(key));
    }

    @Override
    public CompletableFuture<String> set(byte[] key, byte[] value) {
        return dispatcher.execute(StringCommandBuilder.set(key, value));
    }

    @Override
    public CompletableFuture<byte[]> set(byte[] key, byte[] value, SetArgs args) {
        return dispatcher.execute(StringCommandBuilder.set(key, value, args));
    }

    @Override
    public CompletableFuture<Boolean> setnx(byte[] key, byte[] value) {
        return dispatcher.execute(StringCommandBuilder.setnx(key, value));
    }

    @Override
    public CompletableFuture<String> setex(byte[] key, long seconds, byte[] value) {
        return dispatcher.execute(StringCommandBuilder.setex(key, seconds, value));
    }

    @Override
    public CompletableFuture<String> psetex(byte[] key, long millis, byte[] value) {
        return dispatcher.execute(StringCommandBuilder.psetex(key, millis, value));
    }

    @Override
    public CompletableFuture<byte[]> getset(byte[] key, byte[] value) {
        return dispatcher.execute(StringCommandBuilder.getset(key, value));
    }

    @Override
    public CompletableFuture<byte[]> getdel(byte[] key) {
        return dispatcher.execute(StringCommandBuilder.getdel(key));
    }

    @Override
    public CompletableFuture<byte[]> getex(byte[] key, GetExArgs args) {
        return dispatcher.execute(StringCommandBuilder.getex(key, args));
    }

    @Override
    public CompletableFuture<List<byte[]>> mget(byte[]... keys) {
        return multiKey.execute(MultiKeyCommand.mget(StringCommandBuilder.mget(keys), Arrays.asList(keys)));
    }

    @Override
    public CompletableFuture<String> mset(List<KeyValue> pairs) {
        List<byte[]> keys = new ArrayList<>(pairs.size());
        List<byte[]> values = new ArrayList<>(pairs.size());
        for (KeyValue pair : pairs) {
            keys.add(pair.key());
            values.add(pair.value());
        }
        return multiKey.execute(MultiKeyCommand.mset(StringCommandBuilder.mset(pairs), keys, values));
    }

    @Override
    public CompletableFuture<Boolean> msetnx(List<KeyValue> pairs) {
        return dispatcher.execute(StringCommandBuilder.msetnx(pairs));
    }

    @Override
    public CompletableFuture<Long> incr(byte[] key) {
        return dispatcher.execute(StringCommandBuilder.incr(key));
    }

    @Override
    public CompletableFuture<Long> incrby(byte[] key, long amount) {
        return dispatcher.execute(StringCommandBuilder.incrby(key, amount));
    }

    @Override
    public CompletableFuture<Long> decr(byte[] key) {
        return dispatcher.execute(StringCommandBuilder.decr(key));
    }

    @Override
    public CompletableFuture<Long> decrby(byte[] key, long amount) {
        return dispatcher.execute(StringCommandBuilder.decrby(key, amount));
    }

    @Override
    public CompletableFuture<Double> incrbyfloat(byte[] key, double amount) {
        return dispatcher.execute(StringCommandBuilder.incrbyfloat(key, amount));
    }

    @Override
    public CompletableFuture<Long> append(byte[] key, byte[] value) {
        return dispatcher.execute(StringCommandBuilder.append(key, value));
    }

    @Override
    public CompletableFuture<Long> strlen(byte[] key) {
        return dispatcher.execute(StringCommandBuilder.strlen(key));
    }

    @Override
    public CompletableFuture<byte[]> getrange(byte[] key, long start, long end) {
        return dispatcher.execute(StringCommandBuilder.getrange(key, start, end));
    }

    @Override
    public CompletableFuture<Long> setrange(byte[] key, long offset, byte[] value) {
        return dispatcher.execute(StringCommandBuilder.setrange(key, offset, value));
    }

    @Override
    public CompletableFuture<Long> del(byte[]... keys) {
        return multiKey.execute(MultiKeyCommand.counting(KeyCommandBuilder.del(keys), Arrays.asList(keys)));
    }

    @Override
    public CompletableFuture<Long> unlink(byte[]... keys) {
        return multiKey.execute(MultiKeyCommand.counting(KeyCommandBuilder.unlink(keys), Arrays.asList(keys)));
    }

    @Override
    public CompletableFuture<Long> exists(byte[]... keys) {
        return multiKey.execute(MultiKeyCommand.counting(KeyCommandBuilder.exists(keys), Arrays.asList(keys)));
    }

    @Override
    public CompletableFuture<Long> touch(byte[]... keys) {
        return multiKey.execute(MultiKeyCommand.counting(KeyCommandBuilder.touch(keys), Arrays.asList(keys)));
    }

    @Override
    public CompletableFuture<String> type(byte[] key) {
        return dispatcher.execute(KeyCommandBuilder.type(key));
    }

    @Override
    public CompletableFuture<Boolean> expire(byte[] key, long seconds, ExpireArgs args) {
        return dispatcher.execute(KeyCommandBuilder.expiry("EXPIRE", key, seconds, args));
    }

    @Override
    public CompletableFuture<Boolean> pexpire(byte[] key, long millis, ExpireArgs args) {
        return dispatcher.execute(KeyCommandBuilder.expiry("PEXPIRE", key, millis, args));
    }

    @Override
    public CompletableFuture<Boolean> expireat(byte[] key, long unixSeconds, ExpireArgs args) {
        return dispatcher.execute(KeyCommandBuilder.expiry("EXPIREAT", key, unixSeconds, args));
    }

    @Override
    public CompletableFuture<Boolean> pexpireat(byte[] key, long unixMillis, ExpireArgs args) {
        return dispatcher.execute(KeyCommandBuilder.expiry("PEXPIREAT", key, unixMillis, args));
    }

    @Override
    public CompletableFuture<Long> ttl(byte[] key) {
        return dispatcher.execute(KeyCommandBuilder.ttl(key));
    }

    @Override
    public CompletableFuture<Long> pttl(byte[] key) {
        return dispatcher.execute(KeyCommandBuilder.pttl(key));
    }

    @Override
    public CompletableFuture<Boolean> persist(byte[] key) {
        return dispatcher.execute(KeyCommandBuilder.persist(key));
    }

    @Override
    public CompletableFuture<Long> expiretime(byte[] key) {
        return dispatcher.execute(KeyCommandBuilder.expiretime(key));
    }

    @Override
    public CompletableFuture<Long> pexpiretime(byte[] key) {
        return dispatcher.execute(KeyCommandBuilder.pexpiretime(key));
    }

    @Override
    public CompletableFuture<List<byte[]>> keys(byte[] pattern) {
        return fanout.keys(pattern);
    }

    @Override
    public CompletableFuture<ScanResult> scan(String cursor, ScanArgs args) {
        return scan.scan(cursor, args);
    }

    @Override
    public CompletableFuture<String> rename(byte[] key, byte[] newKey) {
        return dispatcher.execute(KeyCommandBuilder.rename(key, newKey));
    }

    @Override
    public CompletableFuture<Boolean> renamenx(byte[] key, byte[] newKey) {
        return dispatcher.execute(KeyCommandBuilder.renamenx(key, newKey));
    }

    @Override
    public CompletableFuture<byte[]> randomkeyBytes() {
        return fanout.randomkey();
    }

    @Override
    public CompletableFuture<String> ping() {
        return dispatcher.execute(ServerCommandBuilder.ping());
    }

    @Override
    public CompletableFuture<byte[]> echo(byte[] message) {
        return dispatcher.execute(ServerCommandBuilder.echo(message));
    }

    @Override
    public CompletableFuture<Instant> time() {
        return dispatcher.execute(ServerCommandBuilder.time());
    }

    @Override
    public CompletableFuture<Long> dbsize() {
        return fanout.dbsize();
    }

    @Override
    public CompletableFuture<String> flushall() {
        return fanout.flushall();
    }

    @Override
    public CompletableFuture<Reply> execute(String name, byte[]... args) {
        return dispatcher.execute(ServerCommandBuilder.generic(name, args));
    }
}
