package dev.reckon.tasks.grids;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import java.util.List;

/**
 * The grid tasks of the easy-to-hard studies (Schwarzschild et al. 2021, Bansal et al. 2022):
 * mazes and prefix sums, trained small and tested large; and the classical references whose
 * accuracy-vs-compute curves recurrent networks are read against: breadth-first frontier expansion
 * and the running parity carried one position a step.
 */
public final class GridsPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new GridTaskFactory(MazeTask.ID, "1", MazeTask.DESCRIPTION, MazeTask::new),
        new GridTaskFactory(PrefixSumTask.ID, "1", PrefixSumTask.DESCRIPTION, PrefixSumTask::new));
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new MazeFrontierFactory(), new ParityRippleFactory());
  }
}
