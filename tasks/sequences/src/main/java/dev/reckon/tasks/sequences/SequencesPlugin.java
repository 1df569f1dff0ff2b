package dev.reckon.tasks.sequences;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import java.util.List;

/**
 * The sequence tasks of research note 000 (shortest paths on a fixed map, sorting), shortest paths on a
 * fresh map per example for graph models, with copy and
 * reverse as sanity checks, and the classical references whose accuracy-vs-compute curves neural
 * ones are read against: Bellman-Ford rounds and odd-even transposition passes.
 */
public final class SequencesPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new ShortestPathTaskFactory(), new GraphPathTaskFactory(), new StringTaskFactory(Rearrangement.SORTING),
        new StringTaskFactory(Rearrangement.COPY), new StringTaskFactory(Rearrangement.REVERSE));
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new BellmanFordFactory(), new OddEvenSortFactory());
  }
}
