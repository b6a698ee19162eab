package io.slotraft.node.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.reply.ErrorReplies;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pure pops the blocking commands will run when woken (BLPOP, BRPOP, BLMPOP, BLMOVE,
 * BRPOPLPUSH): null means "nothing yet", and a pop never leaves an empty list behind.
 */
class ListPopsTest {
  private final TestShard shard = new TestShard();

  @Test
  void nothingToPopIsNullAndChangesNothing() {
    assertNull(ListPops.popFirstNonEmpty(write(), keys("a", "b"), ListSide.LEFT, 1));
    assertNull(ListPops.pop(write(), bytes("a"), ListSide.RIGHT, 3));
    assertNull(ListPops.move(write(), bytes("a"), bytes("b"), ListSide.RIGHT, ListSide.LEFT));
    assertEquals(0, shard.keyspace().size());
  }

  @Test
  void popsFromTheFirstKeyHoldingAList() {
    shard.exec("RPUSH", "b", "1", "2", "3");
    shard.exec("RPUSH", "c", "x");

    ListPops.Popped popped = ListPops.popFirstNonEmpty(write(), keys("a", "b", "c"), ListSide.RIGHT, 2);

    assertEquals("b", text(popped.key()));
    assertEquals(List.of("3", "2"), texts(popped.elements()));
    assertEquals("[\"1\"]", ReplyText.of(shard.exec("LRANGE", "b", "0", "-1")));
  }

  @Test
  void aCountBeyondTheListTakesItAllAndDeletesTheKey() {
    shard.exec("RPUSH", "a", "1", "2");

    ListPops.Popped popped = ListPops.popFirstNonEmpty(write(), keys("a"), ListSide.LEFT, Long.MAX_VALUE);

    assertEquals(List.of("1", "2"), texts(popped.elements()));
    assertEquals(0, shard.keyspace().size());
  }

  @Test
  void aKeyOfAnotherTypeIsAnErrorOnlyWhenReachedBeforeAList() {
    shard.exec("SET", "s", "v");
    shard.exec("RPUSH", "l", "1");

    assertEquals("l", text(ListPops.popFirstNonEmpty(write(), keys("x", "l", "s"), ListSide.LEFT, 1).key()));
    CommandException e = assertThrows(CommandException.class,
        () -> ListPops.popFirstNonEmpty(write(), keys("x", "s"), ListSide.LEFT, 1));
    assertEquals(ErrorReplies.WRONG_TYPE, e.reply());
  }

  @Test
  void moveCreatesTheDestinationAndDeletesAnEmptiedSource() {
    shard.exec("RPUSH", "src", "only");

    byte[] moved = ListPops.move(write(), bytes("src"), bytes("dst"), ListSide.LEFT, ListSide.RIGHT);

    assertEquals("only", text(moved));
    assertEquals("[\"only\"]", ReplyText.of(shard.exec("LRANGE", "dst", "0", "-1")));
    assertEquals("(integer) 0", ReplyText.of(shard.exec("EXISTS", "src")));
  }

  @Test
  void moveChecksTheDestinationTypeBeforePopping() {
    shard.exec("RPUSH", "src", "a");
    shard.exec("SET", "dst", "v");

    assertThrows(CommandException.class,
        () -> ListPops.move(write(), bytes("src"), bytes("dst"), ListSide.LEFT, ListSide.LEFT));
    assertEquals("[\"a\"]", ReplyText.of(shard.exec("LRANGE", "src", "0", "-1")));
  }

  @Test
  void popsAreWritesAndRefuseTheReadPath() {
    shard.exec("RPUSH", "a", "1");
    ExecutionContext read = ExecutionContext.forRead(shard.keyspace(), shard.nowMs());

    assertThrows(IllegalStateException.class, () -> ListPops.pop(read, bytes("a"), ListSide.LEFT, 1));
  }

  private ExecutionContext write() {
    return ExecutionContext.forApply(shard.keyspace(), shard.nowMs(), 1);
  }

  private static List<byte[]> keys(String... keys) {
    return java.util.Arrays.stream(keys).map(ListPopsTest::bytes).toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }

  private static List<String> texts(List<byte[]> values) {
    return values.stream().map(ListPopsTest::text).toList();
  }
}
