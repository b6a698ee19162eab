package io.slotraft.node.catalog;

import io.slotraft.node.reply.Reply;
import java.util.Optional;

/**
 * What a write's arguments alone (no keyspace, no clock) say about it: the leader runs this before
 * proposing, so that a command bound to fail ({@code SET k v EX abc}) is answered at once instead of
 * being fsynced on three replicas first. It is the handler's own parsing, called twice: here, and
 * again when the entry is applied (the second line, for entries proposed by an older leader).
 *
 * <p>A check may only raise errors that the handler raises before it touches the keyspace; an
 * error whose choice depends on a key (WRONGTYPE first, "no such key" first) is left to apply, or
 * the two paths would answer differently.
 */
@FunctionalInterface
public interface ArgumentCheck {
  /** Declared: the arity already says everything about this command's arguments. */
  ArgumentCheck NONE = args -> {};

  /**
   * Declared: the command's argument errors come after it has read a key (WRONGTYPE or "no such
   * key" first, as LSET and INCRBYFLOAT answer in Redis), so only the apply path can choose the reply.
   */
  ArgumentCheck AFTER_LOOKUP = args -> {};

  /** The default of a catalog entry that has said nothing; a test keeps writes from staying so. */
  ArgumentCheck UNDECLARED = args -> {};

  /** Returns when the arguments are well-formed; throws {@link CommandException} with the reply otherwise. */
  void check(CommandArgs args);

  /** The error the command would answer, or empty when its arguments are well-formed. */
  default Optional<Reply> refusal(CommandArgs args) {
    try {
      check(args);
      return Optional.empty();
    } catch (CommandException e) {
      return Optional.of(e.reply());
    }
  }
}
