package io.slotraft.client;

import com.google.protobuf.ByteString;
import io.slotraft.client.routing.Endpoint;
import io.slotraft.proto.v1.CommandResponse;
import io.slotraft.proto.v1.CrossSlot;
import io.slotraft.proto.v1.NodeAddress;
import io.slotraft.proto.v1.NotLeader;
import io.slotraft.proto.v1.Nil;
import io.slotraft.proto.v1.Reply;
import io.slotraft.proto.v1.ReplyList;
import io.slotraft.proto.v1.RoutingError;
import io.slotraft.proto.v1.TryAgain;
import java.nio.charset.StandardCharsets;

/** The responses a fake node can give, built the way a real node would build them. */
final class Answers {
    private Answers() {
    }

    static CommandResponse reply(Reply reply) {
        return CommandResponse.newBuilder().setReply(reply).build();
    }

    static CommandResponse ok() {
        return simple("OK");
    }

    static CommandResponse simple(String text) {
        return reply(Reply.newBuilder().setSimple(text).build());
    }

    static CommandResponse bulk(String text) {
        return bulk(text.getBytes(StandardCharsets.UTF_8));
    }

    static CommandResponse bulk(byte[] bytes) {
        return reply(Reply.newBuilder().setBulk(ByteString.copyFrom(bytes)).build());
    }

    /** An array reply of the replies inside these responses. */
    static CommandResponse array(CommandResponse... items) {
        ReplyList.Builder list = ReplyList.newBuilder();
        for (CommandResponse item : items) {
            list.addItems(item.getReply());
        }
        return reply(Reply.newBuilder().setArray(list).build());
    }

    static CommandResponse nil() {
        return reply(Reply.newBuilder().setNil(Nil.getDefaultInstance()).build());
    }

    static CommandResponse integer(long number) {
        return reply(Reply.newBuilder().setInteger(number).build());
    }

    static CommandResponse error(String redisError) {
        return reply(Reply.newBuilder().setError(redisError).build());
    }

    static CommandResponse notLeader(Endpoint leader) {
        NodeAddress address = NodeAddress.newBuilder().setHost(leader.host()).setGrpcPort(leader.port()).build();
        return routing(RoutingError.newBuilder()
                .setNotLeader(NotLeader.newBuilder().setSlot(866).setShardId("s1").setLeader(address).setEpoch(3)));
    }

    /** Not the leader, and no idea who is: an election is under way. */
    static CommandResponse notLeaderUnknown() {
        return routing(RoutingError.newBuilder().setNotLeader(NotLeader.newBuilder().setSlot(866)));
    }

    static CommandResponse tryAgain() {
        return routing(RoutingError.newBuilder()
                .setTryAgain(TryAgain.newBuilder().setSlot(866).setReason("election in progress")));
    }

    static CommandResponse crossSlot(int... slots) {
        CrossSlot.Builder crossSlot = CrossSlot.newBuilder();
        for (int slot : slots) {
            crossSlot.addSlots(slot);
        }
        return routing(RoutingError.newBuilder().setCrossSlot(crossSlot));
    }

    private static CommandResponse routing(RoutingError.Builder error) {
        return CommandResponse.newBuilder().setRoutingError(error).build();
    }
}
