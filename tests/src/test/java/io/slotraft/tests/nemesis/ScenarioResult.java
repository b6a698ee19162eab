package io.slotraft.tests.nemesis;

import io.slotraft.tests.consistency.RunRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario's outcome: the record kept on disk (seed, schedule, verdicts), the figures, nodes that
 * crashed by themselves and clients that never returned.
 */
public record ScenarioResult(RunRecord record, RunFigures figures, List<String> crashes, List<String> stuckClients,
    Path directory) {}
