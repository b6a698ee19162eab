package io.slotraft.node.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A collection captured by a snapshot never changes afterwards; changes go to a copy. */
class CopyOnWriteTest {

  /** The smallest collection value: a list of strings. */
  static final class Names extends MutableValue {
    final List<String> names = new ArrayList<>();

    @Override
    protected MutableValue copy() {
      Names copy = new Names();
      copy.names.addAll(names);
      return copy;
    }

    @Override
    public int size() {
      return names.size();
    }

    @Override
    public String typeName() {
      return "list";
    }

    @Override
    public long approximateBytes() {
      return 16L * names.size();
    }
  }

  @Test
  void changesAfterASnapshotGoToACopy() {
    Keyspace keyspace = new Keyspace();
    byte[] key = "k".getBytes();
    Names original = new Names();
    keyspace.put(key, original, 0);
    KeyEntry entry = keyspace.lookup(key, 0);

    assertSame(original, keyspace.forUpdate(entry, Names.class), "no snapshot yet: change in place");
    original.names.add("a");

    keyspace.beginSnapshot();
    Names updated = keyspace.forUpdate(entry, Names.class);
    assertNotSame(original, updated);
    updated.names.add("b");
    assertEquals(List.of("a"), original.names, "the snapshot's instance is frozen");
    assertEquals(List.of("a", "b"), ((Names) keyspace.get(key, 0)).names);
    assertSame(updated, keyspace.forUpdate(entry, Names.class), "one copy per snapshot, not per change");
  }

  @Test
  void aSortedSetCapturedBySnapshotStaysFrozen() {
    Keyspace keyspace = new Keyspace();
    byte[] key = "z".getBytes();
    ZSetValue original = new ZSetValue();
    original.put("a".getBytes(), 1);
    keyspace.put(key, original, 0);

    keyspace.beginSnapshot();
    ExecutionContext write = ExecutionContext.forApply(keyspace, 0, 1);
    ZSetValue updated = write.forUpdate(write.lookup(key), ZSetValue.class);
    updated.put("b".getBytes(), 2);
    updated.remove("a".getBytes());

    assertNotSame(original, updated);
    assertEquals(1, original.size());
    assertEquals(1.0, original.score("a".getBytes()));
    assertEquals(List.of("b"), List.of(new String(updated.memberAt(0))));
  }

  @Test
  void aRenamedValueStaysFrozenForTheSnapshotThatCapturedIt() {
    Keyspace keyspace = new Keyspace();
    Names original = new Names();
    original.names.add("a");
    keyspace.put("old".getBytes(), original, 0);
    keyspace.beginSnapshot();
    // RENAME moves the same instance under a new key; it must still be copied before a change.
    keyspace.delete("old".getBytes(), 0);
    keyspace.put("new".getBytes(), original, 0);
    Names updated = keyspace.forUpdate(keyspace.lookup("new".getBytes(), 0), Names.class);
    updated.names.add("b");
    assertEquals(List.of("a"), original.names);
  }

  @Test
  void duplicateCopiesCollectionsAndSharesStrings() {
    Keyspace keyspace = new Keyspace();
    Names names = new Names();
    assertNotSame(names, keyspace.duplicate(names));
    StringValue text = new StringValue("x".getBytes());
    assertSame(text, keyspace.duplicate(text));
  }

  @Test
  void readsMayNotChangeValues() {
    Keyspace keyspace = new Keyspace();
    keyspace.put("k".getBytes(), new Names(), 0);
    ExecutionContext read = ExecutionContext.forRead(keyspace, 0);
    KeyEntry entry = read.lookup("k".getBytes());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> read.forUpdate(entry, Names.class));
  }
}
