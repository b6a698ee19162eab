package io.slotraft.admin;

import io.slotraft.proto.v1.Operation;
import io.slotraft.proto.v1.OperationStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on a terminal (stderr): a bar per running operation, the followed one and each move it
 * started, showing its step and bytes copied. A bar without a total (a drain, a rebalance, a move
 * before it knows its size) shows the step and elapsed time. A bar closes, and stays on screen, when
 * its operation ends.
 */
final class BarDisplay extends PerOperationDisplay {
  private static final long MIB = 1 << 20;

  private final LongSupplier wallMs;
  private final Map<Long, ProgressBar> bars = new LinkedHashMap<>();

  BarDisplay(LongSupplier wallMs) {
    this.wallMs = wallMs;
  }

  @Override
  void draw(List<Operation> operations, MetaView view) {
    for (Operation op : operations) {
      boolean running = op.getStatus() == OperationStatus.OPERATION_RUNNING;
      ProgressBar bar = bars.get(op.getId());
      if (bar == null && running) {
        bar = open(op, view);
        bars.put(op.getId(), bar);
      }
      if (bar == null) {
        continue;
      }
      bar.maxHint(op.getBytesTotal() > 0 ? op.getBytesTotal() : -1);
      bar.stepTo(op.getBytesDone());
      bar.setExtraMessage(running && !op.getCancelRequested() ? op.getStep()
          : op.getStep() + " " + OperationText.status(op));
      if (!running) {
        bar.close();
        bars.remove(op.getId());
      }
    }
  }

  private ProgressBar open(Operation op, MetaView view) {
    return new ProgressBarBuilder()
        .setTaskName("#" + op.getId() + " " + OperationText.describe(op.getSpec(), view))
        .setInitialMax(op.getBytesTotal() > 0 ? op.getBytesTotal() : -1)
        .setUnit("MiB", MIB)
        .setStyle(ProgressBarStyle.ASCII)
        // The operation started before this CLI looked: its rate and ETA count from its own start.
        .startsFrom(op.getBytesDone(), op.getStartedAtMs() == 0 ? Duration.ZERO
            : Duration.ofMillis(Math.max(0, wallMs.getAsLong() - op.getStartedAtMs())))
        .build();
  }

  @Override
  void close() {
    bars.values().forEach(ProgressBar::close);
    bars.clear();
  }
}
