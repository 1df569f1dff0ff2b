package dev.reckon.runner.execution;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import java.util.List;

/** One model x task x training level x seed, with everything needed to run it. */
public record PlannedCell(DiscoveredModel model, DiscoveredTask task, Config config, Level train, List<Level> eval,
    int trainSize, int evalSize, long seed) {
  public PlannedCell {
    eval = List.copyOf(eval);
  }

  public CellKey key() {
    return new CellKey(model.factory().id(), task.task().id(), train.id(), seed);
  }
}
