package io.slotraft.tests.nemesis;

import java.util.List;
import java.util.Random;

/** The kinds of fault a scenario draws from; each makes a concrete fault from the plan's random. */
public enum FaultKind {
  KILL {
    @Override
    Fault next(Random random, List<String> nodes) {
      return new KillNode(pick(random, nodes));
    }
  },
  PAUSE {
    @Override
    Fault next(Random random, List<String> nodes) {
      return new PauseNode(pick(random, nodes));
    }
  },
  PARTITION {
    @Override
    Fault next(Random random, List<String> nodes) {
      return new CutNetwork(switch (random.nextInt(3)) {
        case 0 -> Partition.isolated(pick(random, nodes), nodes);
        case 1 -> Partition.majorityMinority(nodes, random);
        default -> Partition.bridge(nodes, random);
      });
    }
  },
  LEADER_TRANSFERS {
    @Override
    Fault next(Random random, List<String> nodes) {
      return new LeaderTransferLoop(random.nextLong());
    }
  },
  PREFERRED_LEADER_CHANGES {
    @Override
    Fault next(Random random, List<String> nodes) {
      return new PreferredLeaderChurn(random.nextLong());
    }
  },
  KILL_DURING_SNAPSHOT_INSTALL {
    @Override
    Fault next(Random random, List<String> nodes) {
      return new KillDuringSnapshotInstall(pick(random, nodes), random.nextLong());
    }
  },
  KILL_ALL {
    @Override
    Fault next(Random random, List<String> nodes) {
      return new KillAllNodes(random.nextLong());
    }
  },
  /** Not a fault of a step but one held throughout the run (see {@link Scenario#throughout()}). */
  REPLICA_MOVES {
    @Override
    Fault next(Random random, List<String> nodes) {
      return new ReplicaMoveChurn(random.nextLong());
    }
  };

  abstract Fault next(Random random, List<String> nodes);

  private static String pick(Random random, List<String> nodes) {
    return nodes.get(random.nextInt(nodes.size()));
  }
}
