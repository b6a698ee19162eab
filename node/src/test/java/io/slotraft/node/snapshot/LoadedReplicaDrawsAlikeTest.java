package io.slotraft.node.snapshot;

import static io.slotraft.node.snapshot.SnapshotFixtures.CLOCK_MS;
import static io.slotraft.node.snapshot.SnapshotFixtures.POINT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandCatalog;
import io.slotraft.node.catalog.KeyspaceHandler;
import io.slotraft.node.command.StandardKeyspaceCommands;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.reply.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica that installs a snapshot must then apply SPOP as the replicas that applied the whole
 * log do: the same seed has to remove the same members, so the snapshot keeps the element order.
 */
class LoadedReplicaDrawsAlikeTest {
  private static final CommandCatalog CATALOG = catalog();

  @TempDir Path dir;

  @Test
  void spopAfterLoadingRemovesWhatTheLeaderRemoves() throws IOException {
    Keyspace leader = new Keyspace();
    for (int i = 0; i < 500; i++) {
      run(leader, 1, "SADD", "s", "m" + i);
      run(leader, 1, "HSET", "h", "f" + i, "v" + i);
    }
    for (int i = 0; i < 500; i += 7) {
      run(leader, 1, "SREM", "s", "m" + i);
      run(leader, 1, "HDEL", "h", "f" + i);
    }
    SnapshotFileWriter.write(KeyspaceImage.capture(leader, POINT), dir);
    Keyspace follower = new Keyspace();
    SnapshotFileReader.load(dir, follower);

    for (long seed = 10; seed < 40; seed++) {
      assertEquals(run(leader, seed, "SPOP", "s", "3"), run(follower, seed, "SPOP", "s", "3"));
      assertEquals(run(leader, seed, "SPOP", "s"), run(follower, seed, "SPOP", "s"));
      assertEquals(run(leader, seed, "HRANDFIELD", "h", "-4", "WITHVALUES"),
          run(follower, seed, "HRANDFIELD", "h", "-4", "WITHVALUES"));
    }
    assertEquals(run(leader, 1, "SMEMBERS", "s"), run(follower, 1, "SMEMBERS", "s"));
  }

  /** Runs one command as a log entry with {@code seed} would, and renders its reply as text. */
  private static String run(Keyspace keyspace, long seed, String... words) {
    List<byte[]> argv = new ArrayList<>();
    for (String word : words) {
      argv.add(word.getBytes(StandardCharsets.UTF_8));
    }
    KeyspaceHandler handler = (KeyspaceHandler) CATALOG.lookup(words[0]).handler();
    return render(handler.execute(ExecutionContext.forApply(keyspace, CLOCK_MS, seed), new CommandArgs(argv)));
  }

  private static String render(Reply reply) {
    if (reply instanceof Reply.Bulk bulk) {
      return new String(bulk.value(), StandardCharsets.UTF_8);
    }
    List<Reply> items = reply instanceof Reply.SetReply set ? set.items()
        : reply instanceof Reply.Array array ? array.items() : List.of();
    List<String> texts = new ArrayList<>();
    for (Reply item : items) {
      texts.add(render(item));
    }
    return items.isEmpty() ? reply.toString() : texts.toString();
  }

  private static CommandCatalog catalog() {
    CommandCatalog.Builder builder = CommandCatalog.builder();
    StandardKeyspaceCommands.register(builder);
    return builder.build();
  }
}
