package io.slotraft.node.keyspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random changes to a hash and a set checked, after each one, against a plain list that models the
 * dense order (a new element goes last, a removed one is replaced by the last). The runs grow the
 * collections past the index threshold, drain them and grow them again, so that the index is built,
 * grown, shrunk and dropped, and the arena grows and is compacted, with keys of 0 to 300 bytes
 * (one- and two-byte lengths).
 */
class PackedCollectionModelTest {

  /** The model: keys in dense order with their values (null for a set), and where each key is. */
  private static final class Model {
    final List<byte[]> keys = new ArrayList<>();
    final List<byte[]> values = new ArrayList<>();
    final Map<ByteBuffer, Integer> positions = new HashMap<>();

    int indexOf(byte[] key) {
      return positions.getOrDefault(ByteBuffer.wrap(key), -1);
    }

    void add(byte[] key, byte[] value) {
      positions.put(ByteBuffer.wrap(key), keys.size());
      keys.add(key);
      values.add(value);
    }

    void removeAt(int pos) {
      int last = keys.size() - 1;
      positions.remove(ByteBuffer.wrap(keys.get(pos)));
      if (pos != last) {
        positions.put(ByteBuffer.wrap(keys.get(last)), pos);
      }
      keys.set(pos, keys.get(last));
      values.set(pos, values.get(last));
      keys.remove(last);
      values.remove(last);
    }
  }

  /** Phases of growth and draining, so that sizes go from none to hundreds and back three times. */
  private static final int PHASES = 6;
  private static final int PHASE_STEPS = 1000;

  private static boolean adding(Random random, int step) {
    boolean growing = (step / PHASE_STEPS) % 2 == 0;
    return random.nextInt(100) < (growing ? 80 : 5);
  }

  /** Every element is compared now and then, and at the end of each phase; lookups after every step. */
  private static boolean fullCheck(int step) {
    return step % 25 == 0 || step % PHASE_STEPS == PHASE_STEPS - 1;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void hashFollowsTheModel(long seed) {
    Random random = new Random(seed);
    HashValue hash = new HashValue();
    Model model = new Model();
    List<Integer> sizes = new ArrayList<>();
    for (int step = 0; step < PHASES * PHASE_STEPS; step++) {
      byte[] field = key(random);
      if (adding(random, step)) {
        byte[] value = value(random);
        int pos = model.indexOf(field);
        assertEquals(pos < 0, hash.put(field, value), "put: new field?");
        if (pos < 0) {
          model.add(field, value);
        } else {
          model.values.set(pos, value);
        }
      } else {
        field = present(model, random, field);
        int pos = model.indexOf(field);
        assertEquals(pos >= 0, hash.remove(field), "remove: was there?");
        if (pos >= 0) {
          model.removeAt(pos);
        }
      }
      assertSameHash(model, hash, random, fullCheck(step));
      sizes.add(hash.size());
    }
    assertReachedEveryForm(sizes);
    assertSameHash(model, HashValue.fromPackedBytes(hash.toPackedBytes(), hash.size()), random, true);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void setFollowsTheModel(long seed) {
    Random random = new Random(seed);
    SetValue set = new SetValue();
    Model model = new Model();
    List<Integer> sizes = new ArrayList<>();
    for (int step = 0; step < PHASES * PHASE_STEPS; step++) {
      boolean adding = adding(random, step);
      byte[] member = adding ? key(random) : present(model, random, key(random));
      int pos = model.indexOf(member);
      if (adding) {
        assertEquals(pos < 0, set.add(member), "add: new member?");
        if (pos < 0) {
          model.add(member, null);
        }
      } else if (pos >= 0 && random.nextBoolean()) {
        set.removeAt(pos);
        model.removeAt(pos);
      } else {
        assertEquals(pos >= 0, set.remove(member), "remove: was there?");
        if (pos >= 0) {
          model.removeAt(pos);
        }
      }
      assertSameSet(model, set, random, fullCheck(step));
      sizes.add(set.size());
    }
    assertReachedEveryForm(sizes);
    assertSameSet(model, SetValue.fromPackedBytes(set.toPackedBytes(), set.size()), random, true);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void aCopyAndItsOriginalChangeIndependently(long seed) {
    Random random = new Random(seed);
    HashValue original = new HashValue();
    for (int i = 0; i < 500; i++) {
      original.put(key(random), value(random));
    }
    byte[] before = original.toPackedBytes();
    HashValue copy = (HashValue) original.copy();
    for (int i = 0; i < 500; i++) {
      copy.put(key(random), value(random));
      copy.remove(key(random));
    }
    assertArrayEquals(before, original.toPackedBytes(), "the original changed with its copy");
  }

  /** The run must have been large (an index that grew) and small again (no index) more than once. */
  private static void assertReachedEveryForm(List<Integer> sizes) {
    int crossings = 0;
    boolean large = false;
    for (int size : sizes) {
      if (!large && size > 500) {
        large = true;
        crossings++;
      } else if (large && size < PackedCollection.LINEAR_LIMIT / 2) {
        large = false;
        crossings++;
      }
    }
    assertTrue(crossings >= PHASES - 1, "sizes went from small to large and back " + crossings + " times");
  }

  /** Mostly a key the model holds, so that draining phases do drain; else {@code otherwise}. */
  private static byte[] present(Model model, Random random, byte[] otherwise) {
    if (model.keys.isEmpty() || random.nextInt(4) == 0) {
      return otherwise;
    }
    return model.keys.get(random.nextInt(model.keys.size()));
  }

  private static void assertSameHash(Model model, HashValue hash, Random random, boolean everyElement) {
    assertEquals(model.keys.size(), hash.size(), "size");
    for (int pos = 0; everyElement && pos < model.keys.size(); pos++) {
      assertArrayEquals(model.keys.get(pos), hash.fieldAt(pos), "field at " + pos);
      assertArrayEquals(model.values.get(pos), hash.valueAt(pos), "value at " + pos);
    }
    // Lookups through the index (or the linear scan): a few present fields and a likely absent one.
    for (int probe = 0; probe < 3 && !model.keys.isEmpty(); probe++) {
      int pos = random.nextInt(model.keys.size());
      assertArrayEquals(model.values.get(pos), hash.get(model.keys.get(pos)), "lookup of field " + pos);
      assertEquals(model.values.get(pos).length, hash.valueLength(model.keys.get(pos)));
    }
    byte[] absent = key(random);
    if (model.indexOf(absent) < 0) {
      assertNull(hash.get(absent));
    }
  }

  private static void assertSameSet(Model model, SetValue set, Random random, boolean everyElement) {
    assertEquals(model.keys.size(), set.size(), "size");
    for (int pos = 0; everyElement && pos < model.keys.size(); pos++) {
      assertArrayEquals(model.keys.get(pos), set.memberAt(pos), "member at " + pos);
    }
    for (int probe = 0; probe < 3 && !model.keys.isEmpty(); probe++) {
      assertEquals(true, set.contains(model.keys.get(random.nextInt(model.keys.size()))));
    }
    byte[] other = key(random);
    assertEquals(model.indexOf(other) >= 0, set.contains(other));
  }

  /** One of about 3000 keys; one in twenty is long enough to need a two-byte length. */
  private static byte[] key(Random random) {
    int n = random.nextInt(3000);
    String text = n % 20 == 0 ? "long-" + n + "-" + "x".repeat(150 + n % 150) : n % 97 == 0 ? "" + (n % 2) : "k" + n;
    return n == 0 ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
  }

  /** Values of 0 to 200 bytes, so that replacing one sometimes keeps its length and sometimes not. */
  private static byte[] value(Random random) {
    byte[] value = new byte[random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(3)];
    random.nextBytes(value);
    return value;
  }
}
