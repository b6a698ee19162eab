package io.slotraft.client;

import io.slotraft.client.api.async.SlotraftAsyncCommands;
import io.slotraft.client.api.sync.SlotraftCommands;
import io.slotraft.client.args.ExpireArgs;
import io.slotraft.client.args.GetExArgs;
import io.slotraft.client.args.ScanArgs;
import io.slotraft.client.args.SetArgs;
import io.slotraft.client.reply.KeyValue;
import io.slotraft.client.reply.Reply;
import io.slotraft.client.reply.ScanResult;
import java.time.Instant;
import java.util.List;

/** Every method waits for its asynchronous twin, so both APIs share one behaviour. */
final class SyncCommandsImpl implements SlotraftCommands {
    private final SlotraftAsyncCommands async;

    SyncCommandsImpl(SlotraftAsyncCommands async) {
        this.async = async;
    }

    @Override
    public byte[] get(byte[] key) {
        return Futures.await(async.get(key));
    }

    @Override
    public String set(byte[] key, byte[] value) {
        return Futures.await(async.set(key, value));
    }

    @Override
    public byte[] set(byte[] key, byte[] value, SetArgs args) {
        return Futures.await(async.set(key, value, args));
    }

    @Override
    public Boolean setnx(byte[] key, byte[] value) {
        return Futures.await(async.setnx(key, value));
    }

    @Override
    public String setex(byte[] key, long seconds, byte[] value) {
        return Futures.await(async.setex(key, seconds, value));
    }

    @Override
    public String psetex(byte[] key, long millis, byte[] value) {
        return Futures.await(async.psetex(key, millis, value));
    }

    @Override
    public byte[] getset(byte[] key, byte[] value) {
        return Futures.await(async.getset(key, value));
    }

    @Override
    public byte[] getdel(byte[] key) {
        return Futures.await(async.getdel(key));
    }

    @Override
    public byte[] getex(byte[] key, GetExArgs args) {
        return Futures.await(async.getex(key, args));
    }

    @Override
    public List<byte[]> mget(byte[]... keys) {
        return Futures.await(async.mget(keys));
    }

    @Override
    public String mset(List<KeyValue> pairs) {
        return Futures.await(async.mset(pairs));
    }

    @Override
    public Boolean msetnx(List<KeyValue> pairs) {
        return Futures.await(async.msetnx(pairs));
    }

    @Override
    public Long incr(byte[] key) {
        return Futures.await(async.incr(key));
    }

    @Override
    public Long incrby(byte[] key, long amount) {
        return Futures.await(async.incrby(key, amount));
    }

    @Override
    public Long decr(byte[] key) {
        return Futures.await(async.decr(key));
    }

    @Override
    public Long decrby(byte[] key, long amount) {
        return Futures.await(async.decrby(key, amount));
    }

    @Override
    public Double incrbyfloat(byte[] key, double amount) {
        return Futures.await(async.incrbyfloat(key, amount));
    }

    @Override
    public Long append(byte[] key, byte[] value) {
        return Futures.await(async.append(key, value));
    }

    @Override
    public Long strlen(byte[] key) {
        return Futures.await(async.strlen(key));
    }

    @Override
    public byte[] getrange(byte[] key, long start, long end) {
        return Futures.await(async.getrange(key, start, end));
    }

    @Override
    public Long setrange(byte[] key, long offset, byte[] value) {
        return Futures.await(async.setrange(key, offset, value));
    }

    @Override
    public Long del(byte[]... keys) {
        return Futures.await(async.del(keys));
    }

    @Override
    public Long unlink(byte[]... keys) {
        return Futures.await(async.unlink(keys));
    }

    @Override
    public Long exists(byte[]... keys) {
        return Futures.await(async.exists(keys));
    }

    @Override
    public Long touch(byte[]... keys) {
        return Futures.await(async.touch(keys));
    }

    @Override
    public String type(byte[] key) {
        return Futures.await(async.type(key));
    }

    @Override
    public Boolean expire(byte[] key, long seconds, ExpireArgs args) {
        return Futures.await(async.expire(key, seconds, args));
    }

    @Override
    public Boolean pexpire(byte[] key, long millis, ExpireArgs args) {
        return Futures.await(async.pexpire(key, millis, args));
    }

    @Override
    public Boolean expireat(byte[] key, long unixSeconds, ExpireArgs args) {
        return Futures.await(async.expireat(key, unixSeconds, args));
    }

    @Override
    public Boolean pexpireat(byte[] key, long unixMillis, ExpireArgs args) {
        return Futures.await(async.pexpireat(key, unixMillis, args));
    }

    @Override
    public Long ttl(byte[] key) {
        return Futures.await(async.ttl(key));
    }

    @Override
    public Long pttl(byte[] key) {
        return Futures.await(async.pttl(key));
    }

    @Override
    public Boolean persist(byte[] key) {
        return Futures.await(async.persist(key));
    }

    @Override
    public Long expiretime(byte[] key) {
        return Futures.await(async.expiretime(key));
    }

    @Override
    public Long pexpiretime(byte[] key) {
        return Futures.await(async.pexpiretime(key));
    }

    @Override
    public List<byte[]> keys(byte[] pattern) {
        return Futures.await(async.keys(pattern));
    }

    @Override
    public ScanResult scan(String cursor, ScanArgs args) {
        return Futures.await(async.scan(cursor, args));
    }

    @Override
    public String rename(byte[] key, byte[] newKey) {
        return Futures.await(async.rename(key, newKey));
    }

    @Override
    public Boolean renamenx(byte[] key, byte[] newKey) {
        return Futures.await(async.renamenx(key, newKey));
    }

    @Override
    public byte[] randomkeyBytes() {
        return Futures.await(async.randomkeyBytes());
    }

    @Override
    public String ping() {
        return Futures.await(async.ping());
    }

    @Override
    public byte[] echo(byte[] message) {
        return Futures.await(async.echo(message));
    }

    @Override
    public Instant time() {
        return Futures.await(async.time());
    }

    @Override
    public Long dbsize() {
        return Futures.await(async.dbsize());
    }

    @Override
    public String flushall() {
        return Futures.await(async.flushall());
    }

    @Override
    public Reply execute(String name, byte[]... args) {
        return Futures.await(async.execute(name, args));
    }
}
