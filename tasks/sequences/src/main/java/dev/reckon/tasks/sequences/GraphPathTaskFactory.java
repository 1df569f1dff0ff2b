package dev.reckon.tasks.sequences;

import dev.reckon.api.Setting;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;

/** Shortest paths on a fresh random map per example, for graph models; setting {@code neighbours}. */
final class GraphPathTaskFactory implements TaskFactory {
  static final String NEIGHBOURS = "neighbours";

  @Override
  public String id() {
    return "shortest-path-graphs";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "shortest paths on a fresh random map per example (k-nearest-neighbour roads), as node labels: 2 on "
        + "the path, 1 off it; node features x, y, is-source, is-target; levels nN by city count";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.integer(NEIGHBOURS, 3,
        "roads from each city to its nearest cities (then made two-way, and the map joined up)"));
  }

  @Override
  public GraphPathTask create(TaskContext context) {
    return new GraphPathTask(context.config().getInt(NEIGHBOURS));
  }
}
