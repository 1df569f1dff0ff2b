package dev.reckon.tasks.sequences;

import dev.reckon.api.Setting;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shortest paths on a fixed map drawn from the task seed (a map per run seed), or from {@code
 * mapSeed} (one map for every run seed, which then differ only in training), with settings {@code
 * cities} and {@code neighbours}.
 */
final class ShortestPathTaskFactory implements TaskFactory {
  static final String CITIES = "cities";
  static final String NEIGHBOURS = "neighbours";
  static final String HELD_OUT = "heldOut";
  static final String MAP_SEED = "mapSeed";

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
    return "shortest paths between cities on one fixed map (k-nearest-neighbour roads); levels hN: the held-out "
        + "pairs whose path takes N roads; h1-N: the other pairs of at most N roads, to train on";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        Setting.integer(CITIES, 48, "cities on the map, at uniformly random points of the unit square"),
        Setting.integer(NEIGHBOURS, 3, "roads from each city to its nearest cities (then made two-way)"),
        Setting.number(HELD_OUT, 0.25, "share of the pairs of cities (both directions together) never trained on; "
            + "the levels hN are made of them"),
        Setting.integer(MAP_SEED, 0, "when not 0, the seed of the map and its held-out pairs, the same for every run "
            + "seed; 0 draws them from the run's task seed, a map per seed"));
  }

  @Override
  public ShortestPathTask create(TaskContext context) {
    int mapSeed = context.config().getInt(MAP_SEED);
    SplittableRandom random = new SplittableRandom(mapSeed != 0 ? mapSeed : context.seed());
    RoadMap map = RoadMap.draw(context.config().getInt(CITIES), context.config().getInt(NEIGHBOURS), random);
    return new ShortestPathTask(map, context.config().getDouble(HELD_OUT), random.nextLong());
  }
}
