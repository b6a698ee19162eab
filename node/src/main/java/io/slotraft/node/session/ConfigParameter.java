package io.slotraft.node.session;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One parameter CONFIG GET reports and, if it is mutable, CONFIG SET changes.
 *
 * @param name lower-case Redis-style name ({@code maxmemory}, {@code slotraft-snapshot-log-entries})
 * @param reader the current value as Redis prints it
 * @param check why a new value would be refused, or null when it is acceptable; null for
 *     parameters fixed at start-up
 * @param apply applies a value that passed {@code check}
 */
public record ConfigParameter(String name, Supplier<String> reader, Function<String, String> check,
    Consumer<String> apply) {

  public static ConfigParameter fixed(String name, String value) {
    return new ConfigParameter(name, () -> value, null, null);
  }

  public boolean mutable() {
    return check != null;
  }
}
