package dev.reckon.tasks.sequences;

import dev.reckon.api.Setting;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;
import java.util.SplittableRandom;

/** Shortest paths on a fixed map drawn from the task seed, with settings {@code cities} and {@code neighbours}. */
final class ShortestPathTaskFactory implements TaskFactory {
  static final String CITIES = "cities";
  static final String NEIGHBOURS = "neighbours";

  @Override
  public String id() {
    return "shortest-path";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "shortest paths between cities on one fixed map (k-nearest-neighbour roads); levels by hops";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        Setting.integer(CITIES, 24, "cities on the map, at uniformly random points of the unit square"),
        Setting.integer(NEIGHBOURS, 3, "roads from each city to its nearest cities (then made two-way)"));
  }

  @Override
  public ShortestPathTask create(TaskContext context) {
    return new ShortestPathTask(RoadMap.draw(context.config().getInt(CITIES), context.config().getInt(NEIGHBOURS),
        new SplittableRandom(context.seed())));
  }
}
