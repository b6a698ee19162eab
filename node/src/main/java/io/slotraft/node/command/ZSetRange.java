package io.slotraft.node.command;

import io.slotraft.node.keyspace.ZSetValue;

/** A range of a sorted set given by bounds (scores or members): positions [start, end) in it. */
interface ZSetRange {
  /** The first position in the range. */
  int start(ZSetValue zset);

  /** The position after the last one in the range; at most {@link #start} when it is empty. */
  int end(ZSetValue zset);

  /** How many elements are in the range. */
  default int count(ZSetValue zset) {
    return Math.max(0, end(zset) - start(zset));
  }
}
