package io.slotraft.node.resp;

import java.util.List;

/**
 * Tells writes from everything else, for the ordering rule of {@code CommandQueue}: a connection's
 * commands run concurrently only while they are all writes or all non-writes. The node backs it
 * with the catalog's write flag; an unknown command should count as a non-write (it only gets an
 * error).
 */
@FunctionalInterface
public interface CommandClassifier {
  boolean isWrite(List<byte[]> argv);
}
