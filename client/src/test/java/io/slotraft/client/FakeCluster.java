package io.slotraft.client;

import com.google.protobuf.ByteString;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.proto.SlotHash;
import io.slotraft.proto.v1.CommandRequest;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NotLeader;
import io.slotraft.proto.v1.Reply;
import io.slotraft.proto.v1.ReplyList;
import io.slotraft.proto.v1.RoutingError;
import io.slotraft.proto.v1.ShardInfo;
import io.slotraft.proto.v1.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Three fake nodes that behave like a two-shard cluster: s1 owns slots 0-8191, s2 8192-16383, each
 * has a leader node, every node has a replica of both. A node runs a keyed command only when it
 * leads the key's shard (else NOT_LEADER naming the leader, as a real node answers), refuses keys
 * of several slots (CROSSSLOT), and answers DBSIZE and SCAN for the shards it leads. Data is one map
 * for the whole cluster: what matters here is where commands go, not replication.
 */
final class FakeCluster implements AutoCloseable {
    static final int SPLIT = 8192;

    private final List<FakeNode> nodes = new ArrayList<>();
    private final Map<String, String> data = new ConcurrentHashMap<>();
    private final int[] leaderOfShard = {0, 1};
    private volatile long epoch = 1;

    private FakeCluster() throws IOException {
        for (int i = 0; i < 3; i++) {
            FakeNode node = FakeNode.start("shard-node");
            int index = i;
            node.answering(request -> answer(index, request));
            nodes.add(node);
        }
        publish();
    }

    static FakeCluster start() throws IOException {
        return new FakeCluster();
    }

    FakeNode node(int index) {
        return nodes.get(index);
    }

    /** A client whose only seed is node 2, which leads nothing at first. */
    SlotraftClientBuilder client() {
        return FakeNode.clientOf(Duration.ofSeconds(5), nodes.get(2));
    }

    /** Moves a shard's leadership; the nodes answer by it at once, and serve the new topology if asked to. */
    void moveLeader(int shard, int node, boolean publish) {
        leaderOfShard[shard] = node;
        if (publish) {
            publish();
        }
    }

    void setEpoch(long newEpoch) {
        epoch = newEpoch;
    }

    /** Every node serves (and pushes to watchers) the topology as it is now. */
    void publish() {
        Topology topology = topology();
        nodes.forEach(node -> node.publish(topology));
    }

    Topology topology() {
        Topology.Builder topology = Topology.newBuilder().setEpoch(epoch);
        for (int i = 0; i < nodes.size(); i++) {
            topology.addNodes(address(i));
        }
        for (int shard = 0; shard < 2; shard++) {
            ShardInfo.Builder info = ShardInfo.newBuilder().setShardId(shardId(shard))
                    .setSlotStart(shard == 0 ? 0 : SPLIT).setSlotEnd(shard == 0 ? SPLIT - 1 : SlotHash.SLOT_COUNT - 1)
                    .setLeaderNodeId(nodeId(leaderOfShard[shard]));
            for (int i = 0; i < nodes.size(); i++) {
                info.addReplicaNodeIds(nodeId(i));
            }
            topology.addShards(info);
        }
        return topology.build();
    }

    static int shardOf(String key) {
        return SlotHash.slot(key.getBytes(StandardCharsets.UTF_8)) < SPLIT ? 0 : 1;
    }

    /** The keys of a request, by the few commands this fake knows. */
    static List<String> keysOf(CommandRequest request) {
        List<String> args = new ArrayList<>();
        request.getArgsList().forEach(arg -> args.add(arg.toStringUtf8()));
        switch (request.getName().toUpperCase(Locale.ROOT)) {
            case "GET": case "SET": case "INCR":
                return args.subList(0, 1);
            case "MGET": case "DEL": case "EXISTS": case "UNLINK": case "TOUCH":
                return args;
            case "MSET":
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < args.size(); i += 2) {
                    keys.add(args.get(i));
                }
                return keys;
            default:
                return List.of();
        }
    }

    @Override
    public void close() {
        nodes.forEach(FakeNode::close);
    }

    private CommandResponse answer(int node, CommandRequest request) {
        List<String> keys = keysOf(request);
        if (keys.isEmpty()) {
            return keyless(node, request);
        }
        int slot = SlotHash.slot(keys.get(0).getBytes(StandardCharsets.UTF_8));
        for (String key : keys) {
            if (SlotHash.slot(key.getBytes(StandardCharsets.UTF_8)) != slot) {
                return Answers.crossSlot(slot);
            }
        }
        int shard = slot < SPLIT ? 0 : 1;
        if (leaderOfShard[shard] != node) {
            return notLeader(slot, shard);
        }
        return run(request, keys);
    }

    private CommandResponse run(CommandRequest request, List<String> keys) {
        String name = request.getName().toUpperCase(Locale.ROOT);
        switch (name) {
            case "GET":
                return value(data.get(keys.get(0)));
            case "SET":
                data.put(keys.get(0), request.getArgs(1).toStringUtf8());
                return Answers.ok();
            case "MSET":
                for (int i = 0; i < request.getArgsCount(); i += 2) {
                    data.put(request.getArgs(i).toStringUtf8(), request.getArgs(i + 1).toStringUtf8());
                }
                return Answers.ok();
            case "MGET":
                ReplyList.Builder list = ReplyList.newBuilder();
                keys.forEach(key -> list.addItems(value(data.get(key)).getReply()));
                return Answers.reply(Reply.newBuilder().setArray(list).build());
            case "DEL":
                return Answers.integer(keys.stream().filter(key -> data.remove(key) != null).count());
            case "EXISTS":
            case "TOUCH":
                return Answers.integer(keys.stream().filter(data::containsKey).count());
            default:
                return Answers.error("ERR unknown command '" + request.getName() + "'");
        }
    }

    private CommandResponse keyless(int node, CommandRequest request) {
        switch (request.getName().toUpperCase(Locale.ROOT)) {
            case "PING":
                return Answers.simple("PONG");
            case "DBSIZE":
                return Answers.integer(ledKeys(node).size());
            case "SCAN":
                // One page per node: its led shards' keys, then cursor 0.
                ReplyList.Builder keys = ReplyList.newBuilder();
                ledKeys(node).forEach(key -> keys.addItems(Reply.newBuilder().setBulk(ByteString.copyFromUtf8(key))));
                ReplyList.Builder page = ReplyList.newBuilder()
                        .addItems(Reply.newBuilder().setBulk(ByteString.copyFromUtf8("0")))
                        .addItems(Reply.newBuilder().setArray(keys));
                return Answers.reply(Reply.newBuilder().setArray(page).build());
            default:
                return Answers.error("ERR unknown command '" + request.getName() + "'");
        }
    }

    private List<String> ledKeys(int node) {
        return data.keySet().stream().filter(key -> leaderOfShard[shardOf(key)] == node).sorted().toList();
    }

    private CommandResponse notLeader(int slot, int shard) {
        return CommandResponse.newBuilder().setRoutingError(RoutingError.newBuilder().setNotLeader(
                NotLeader.newBuilder().setSlot(slot).setShardId(shardId(shard)).setEpoch(epoch)
                        .setLeader(address(leaderOfShard[shard])))).build();
    }

    private static CommandResponse value(String value) {
        return value == null ? Answers.nil() : Answers.bulk(value);
    }

    private NodeAddress address(int node) {
        Endpoint endpoint = nodes.get(node).endpoint();
        return NodeAddress.newBuilder().setNodeId(nodeId(node)).setName("n" + node).setHost(endpoint.host())
                .setGrpcPort(endpoint.port()).build();
    }

    private static String nodeId(int node) {
        return String.format("%040d", node);
    }

    private static String shardId(int shard) {
        return "s" + (shard + 1);
    }
}
