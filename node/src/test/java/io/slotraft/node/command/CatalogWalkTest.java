package io.slotraft.node.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.slotraft.node.catalog.CommandArgs;
import io.slotraft.node.catalog.CommandException;
import io.slotraft.node.catalog.CommandFlag;
import io.slotraft.node.catalog.CommandSpec;
import io.slotraft.node.catalog.KeyspaceHandler;
import io.slotraft.node.hyperloglog.HllEditor;
import io.slotraft.node.keyspace.ExecutionContext;
import io.slotraft.node.keyspace.HashValue;
import io.slotraft.node.keyspace.Keyspace;
import io.slotraft.node.keyspace.ListValue;
import io.slotraft.node.keyspace.SetValue;
import io.slotraft.node.keyspace.StringValue;
import io.slotraft.node.keyspace.ZSetValue;
import io.slotraft.node.reply.ErrorReplies;
import io.slotraft.node.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Walks every catalog entry so that the table cannot drift from its handlers. */
class CatalogWalkTest {
  private static final Set<String> GROUPS =
      Set.of("string", "generic", "server", "list", "bitmap", "hyperloglog", "hash", "set", "sorted-set");
  private static final int FUZZ_CALLS = 300;

  /** Words a parser might trip on. No offset between 1 MB and 512 MB: SETRANGE would really allocate it. */
  private static final List<String> POOL = List.of("k", "k", "k2", "{k}x", "", "0", "1", "-1", "2", "3", "10",
      "-10", "100", "1000", "-100", "65535", "9223372036854775807", "-9223372036854775808",
      "9223372036854775808", "-9223372036854775809", "18446744073709551615", "99999999999999999999",
      "536870912", "1.5", "-0.5", "1e3", "1e400", "1e5000", "inf", "-inf", "nan", "0x10",
      " 1", "1 ", "+1", "01", "EX", "PX", "EXAT", "PXAT", "NX", "XX", "GT", "LT", "GET", "KEEPTTL",
      "PERSIST", "MATCH", "COUNT", "TYPE", "ASYNC", "SYNC", "string", "*", "?", "[", "[^", "\\", "[a-",
      "k*", "h[a-z]llo", "l", "l", "{k}l", "LEFT", "RIGHT", "BEFORE", "AFTER", "RANK", "MAXLEN", "vl", "vk",
      "hll", "BIT", "BYTE", "AND", "OR", "XOR", "NOT", "OVERFLOW", "WRAP", "SAT", "FAIL",
      "INCRBY", "SET", "i8", "u8", "i1", "i64", "u63", "u64", "#0", "#3", "#-1",
      "h", "h", "s", "s", "WITHVALUES", "NOVALUES", "LIMIT",
      "z", "{k}z", "(1", "(", "[a", "(a", "-", "+", "[", "WITHSCORES", "WITHSCORE", "BYSCORE",
      "BYLEX", "REV", "INCR", "CH", "MIN", "MAX", "WEIGHTS", "AGGREGATE", "SUM", "0x1p3", "-0");

  @Test
  void everyEntryIsWellFormed() {
    assertTrue(CommandRunner.CATALOG.size() >= 40, "expected every string and generic command");
    for (CommandSpec spec : CommandRunner.CATALOG.all()) {
      String name = spec.name();
      assertEquals(name.toLowerCase(Locale.ROOT), name);
      assertTrue(spec.arity() != 0, name);
      assertFalse(spec.summary().isBlank(), name + ": summary");
      assertTrue(spec.since().matches("\\d+\\.\\d+\\.\\d+"), name + ": since");
      assertTrue(GROUPS.contains(spec.group()), name + ": group " + spec.group());
      assertTrue(spec.handler() instanceof KeyspaceHandler, name + ": keyspace handler");
      assertTrue(spec.has(CommandFlag.WRITE) ^ spec.has(CommandFlag.READONLY), name + ": WRITE xor READONLY");
      assertKeysFitMinimalArgv(spec);
    }
  }

  /** Keyed commands find at least one key in their shortest argv, and only real arguments. */
  private static void assertKeysFitMinimalArgv(CommandSpec spec) {
    // OBJECT's shortest call (OBJECT HELP) has no key; its other subcommands name one at argv[2].
    int argc = spec.name().equals("object") ? 3 : Math.abs(spec.arity());
    List<byte[]> argv = argv(spec.name(), argc, i -> "arg" + i);
    if (!spec.keys().hasKeys()) {
      assertTrue(spec.keys().keys(argv).isEmpty(), spec.name());
      return;
    }
    int last = spec.keys().last() >= 0 ? spec.keys().last() : argv.size() + spec.keys().last();
    assertTrue(spec.keys().step() > 0, spec.name() + ": step");
    assertTrue(spec.keys().first() < argv.size() && last < argv.size() && last >= spec.keys().first(),
        spec.name() + ": keys outside the shortest argv");
    for (byte[] key : spec.keys().keys(argv)) {
      assertTrue(new String(key, StandardCharsets.UTF_8).startsWith("arg"), spec.name());
    }
  }

  /** The leader checks a write's arguments before proposing it; every write says how (if only: no need). */
  @Test
  void everyWriteDeclaresItsArgumentCheck() {
    List<String> undeclared = CommandRunner.CATALOG.all().stream()
        .filter(spec -> spec.isWrite() && !spec.declaresArguments()).map(CommandSpec::name).toList();
    assertEquals(List.of(), undeclared, "writes without .arguments(...) in their catalog entry");
  }

  @TestFactory
  Stream<DynamicTest> aTooShortArgvIsAnArityError() {
    return CommandRunner.CATALOG.all().stream().map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
      List<Integer> wrong = new ArrayList<>(List.of(Math.abs(spec.arity()) - 1));
      if (spec.arity() > 0) {
        wrong.add(spec.arity() + 1);
      }
      for (int argc : wrong) {
        if (argc < 1) {
          continue;
        }
        Reply reply = new TestShard().exec(argv(spec.name().toUpperCase(Locale.ROOT), argc, i -> "x"));
        assertEquals(ReplyText.of(ErrorReplies.wrongArity(spec.name())), ReplyText.of(reply), "argc " + argc);
      }
    }));
  }

  /**
   * Random argv's of a valid arity, run directly against each handler: anything thrown but
   * CommandException is a parsing bug. Each call also runs on a second keyspace with the same
   * time and seed, and both must answer the same: what every replica relies on.
   */
  @TestFactory
  Stream<DynamicTest> handlersOnlyThrowCommandExceptionOnGarbage() {
    return CommandRunner.CATALOG.all().stream().map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
      Random random = new Random(spec.name().hashCode());
      Keyspace first = seeded();
      Keyspace second = seeded();
      long now = TestShard.START_MS;
      for (int call = 0; call < FUZZ_CALLS; call++) {
        List<byte[]> argv = randomArgv(spec, random);
        now += random.nextInt(50);
        String a = run(spec, ExecutionContext.forApply(first, now, call), argv);
        String b = run(spec, ExecutionContext.forApply(second, now, call), argv);
        assertEquals(a, b, "replicas disagree on " + describe(argv));
        if (spec.isWrite()) {
          // What the leader refuses before proposing must be what applying would have answered.
          spec.arguments().refusal(new CommandArgs(argv)).ifPresent(refusal ->
              assertEquals(ReplyText.of(refusal), a, "the argument check and apply disagree on " + describe(argv)));
        }
        assertEquals(first.size(), second.size(), "replicas disagree on size after " + describe(argv));
      }
    }));
  }

  private static String run(CommandSpec spec, ExecutionContext ctx, List<byte[]> argv) {
    try {
      Reply reply = ((KeyspaceHandler) spec.handler()).execute(ctx, new CommandArgs(argv));
      assertNotNull(reply, () -> "null reply to " + describe(argv));
      return ReplyText.of(reply);
    } catch (CommandException e) {
      return ReplyText.of(e.reply());
    } catch (RuntimeException | Error e) {
      return fail("threw " + e + " on " + describe(argv), e);
    }
  }

  /**
   * Keys of each flavour the fuzz words name, with and without an expiry: strings, lists, a hash, a
   * set, and sorted sets ("z" and "{k}z").
   */
  private static Keyspace seeded() {
    Keyspace keyspace = new Keyspace();
    for (String word : List.of("z", "{k}z")) {
      ZSetValue zset = new ZSetValue();
      for (String member : List.of("k", "1", "a", "-", "[a", "z")) {
        zset.put(member.getBytes(StandardCharsets.UTF_8), member.length() * 1.5 - 2);
      }
      keyspace.put(word.getBytes(StandardCharsets.UTF_8), zset, word.length() > 1 ? TestShard.START_MS + 3000 : 0);
    }
    for (String word : List.of("k", "k2", "{k}x", "", "0", "1", "10", "1.5", "*")) {
      byte[] key = word.getBytes(StandardCharsets.UTF_8);
      long expiry = word.length() % 2 == 0 ? 0 : TestShard.START_MS + 2000;
      keyspace.put(key, new StringValue(("v" + word).getBytes(StandardCharsets.UTF_8)), expiry);
    }
    for (String word : List.of("l", "{k}l", "-1")) {
      ListValue list = new ListValue();
      for (String element : List.of("vl", "k", "", "vl", "1")) {
        list.pushLast(element.getBytes(StandardCharsets.UTF_8));
      }
      keyspace.put(word.getBytes(StandardCharsets.UTF_8), list, word.length() % 2 == 0 ? 0 : TestShard.START_MS + 2000);
    }
    HllEditor sketch = HllEditor.create();
    sketch.add(new byte[] {1});
    keyspace.put("hll".getBytes(StandardCharsets.UTF_8), new StringValue(sketch.toBytes()), 0);
    HashValue hash = new HashValue();
    SetValue set = new SetValue();
    for (String word : List.of("k", "1", "10", "1.5", "", "-1")) {
      byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
      hash.put(bytes, bytes);
      set.add(bytes);
    }
    keyspace.put("h".getBytes(StandardCharsets.UTF_8), hash, 0);
    keyspace.put("s".getBytes(StandardCharsets.UTF_8), set, TestShard.START_MS + 3000);
    return keyspace;
  }

  private static List<byte[]> randomArgv(CommandSpec spec, Random random) {
    int argc = spec.arity() > 0 ? spec.arity() : -spec.arity() + random.nextInt(6);
    return argv(spec.name(), argc, i -> null).stream()
        .map(word -> word == null ? randomWord(random) : word).toList();
  }

  private static byte[] randomWord(Random random) {
    if (random.nextInt(8) == 0) {
      byte[] bytes = new byte[random.nextInt(6)];
      random.nextBytes(bytes);
      return bytes;
    }
    String word = POOL.get(random.nextInt(POOL.size()));
    return (random.nextBoolean() ? word : word.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
  }

  /** argv[0] is the name; argv[i] for i >= 1 comes from {@code word}, null meaning "fill in later". */
  private static List<byte[]> argv(String name, int argc, java.util.function.IntFunction<String> word) {
    List<byte[]> argv = new ArrayList<>(Collections.nCopies(argc, (byte[]) null));
    argv.set(0, name.getBytes(StandardCharsets.UTF_8));
    for (int i = 1; i < argc; i++) {
      String text = word.apply(i);
      argv.set(i, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }
    return argv;
  }

  private static String describe(List<byte[]> argv) {
    List<String> words = new ArrayList<>();
    for (byte[] word : argv) {
      words.add(ReplyText.quote(word));
    }
    return String.join(" ", words);
  }
}
