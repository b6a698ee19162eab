package io.slotraft.tests.nemesis;

import java.time.Duration;
import java.util.Optional;

/**
 * How long after a heal the cluster recovered, in two steps: every shard took a write again (what
 * clients see), and every node served again (a restarted node answers /health once it has meta's
 * topology and its replicas). Empty: not within the probe's patience.
 */
public record Recovery(Optional<Duration> shardsWritable, Optional<Duration> nodesServing) {

  public boolean complete() {
    return shardsWritable.isPresent() && nodesServing.isPresent();
  }

  @Override
  public String toString() {
    return "shards writable " + shardsWritable.map(d -> d.toMillis() + " ms").orElse("NEVER") + ", nodes serving "
        + nodesServing.map(d -> d.toMillis() + " ms").orElse("NEVER");
  }
}
