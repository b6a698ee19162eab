package io.slotraft.node.statemachine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.slotraft.node.Catalogs;
import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.reply.Reply;
import io.slotraft.node.resp.RespEncoder;
import io.slotraft.proto.SlotHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/** What the split and merge tests of a state machine share: keys in chosen slots, one write of every type, RESP. */
final class ReshapeFixtures {
  static final long T0 = 1_700_000_000_000L;
  static final CommandCatalog CATALOG = Catalogs.keyspaceOnly();

  private ReshapeFixtures() {}

  /** One write of each kind, its key's read, and what the read answers: every type, with and without a TTL. */
  record Case(String name, List<String> write, List<String> read) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> everyType() {
    return List.of(
        new Case("string", List.of("SET", "%k", "value"), List.of("GET", "%k")),
        new Case("string with ttl", List.of("SET", "%k", "value", "PXAT", String.valueOf(T0 + 3_600_000)),
            List.of("PEXPIRETIME", "%k")),
        new Case("hash", List.of("HSET", "%k", "f1", "v1", "f2", "v2"), List.of("HGETALL", "%k")),
        new Case("list", List.of("RPUSH", "%k", "a", "b", "c"), List.of("LRANGE", "%k", "0", "-1")),
        new Case("set", List.of("SADD", "%k", "x", "y", "z"), List.of("SMEMBERS", "%k")),
        new Case("sorted set", List.of("ZADD", "%k", "1", "a", "2.5", "b"), List.of("ZRANGE", "%k", "0", "-1",
            "WITHSCORES")));
  }

  /** A hash-tagged key whose slot is in {@code from..to}. */
  static String keyInSlots(String name, int from, int to) {
    return IntStream.range(0, 100_000).mapToObj(i -> "{" + name + i + "}")
        .filter(key -> {
          int slot = SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
          return slot >= from && slot <= to;
        }).findFirst().orElseThrow();
  }

  /** Applies one command (of a client session, or none) as entry {@code index}; its reply. */
  static Reply write(ShardStateMachine shard, long index, ClientSequence client, List<String> argv) {
    LoggedCommand command = new LoggedCommand(bytes(argv), client);
    return shard.apply(index, 3, ByteBuffer.wrap(EntryCodec.command(T0, 7, command))).get(0);
  }

  static Reply read(ShardStateMachine shard, List<String> argv) {
    return shard.read(CATALOG.lookup(argv.get(0)), new CommandArgs(bytes(argv)), T0);
  }

  static List<byte[]> bytes(List<String> words) {
    return words.stream().map(w -> w.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** {@code argv} with its "%k" placeholders replaced by {@code key}. */
  static List<String> with(List<String> argv, String key) {
    return argv.stream().map(word -> word.equals("%k") ? key : word).toList();
  }

  /** A reply as RESP3 bytes: replies hold byte arrays, which compare by identity. */
  static String resp(Reply reply) {
    ByteBuf out = Unpooled.buffer();
    RespEncoder.encode(reply, 3, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static int slotOf(String key) {
    return SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
  }
}
