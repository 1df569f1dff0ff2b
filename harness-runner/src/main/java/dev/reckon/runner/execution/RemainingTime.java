package dev.reckon.runner.execution;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long a run has left: each cell not yet finished is estimated in cell seconds, and the time so
 * far scales their sum by the cell seconds spent so far (which carries the cells run at once and the
 * processes' start). Called from several threads.
 *
 * <p>A cell's estimate, best first: its model's seconds per unit of the planner's cost ({@link
 * Shard#cost}) once a cell of that model finished (the cost orders cells of one model well, but not
 * models against each other: a table's update of 500 pairs costs far less than a transformer's of
 * 64 queries); else the mean seconds of the finished cells of its kind (learning, or evaluation
 * only); else its cost at the run's seconds per cost. A cell the model declined takes no time, as
 * its cost of 0 says; a cell still training has done the share its updates say.
 */
public final class RemainingTime {
  /** What the estimate knows of a cell before it runs. */
  record Planned(String model, boolean learns, long cost) {}

  /** Seconds spent on cells and the planned cost of those cells. */
  private static final class Spent {
    double seconds;
    double cost;
    int cells;

    void add(double cellSeconds, long cellCost) {
      seconds += cellSeconds;
      cost += cellCost;
      cells++;
    }

    double perCost() {
      return cost == 0 ? 0 : seconds / cost;
    }
  }

  private final Map<CellKey, Planned> planned;
  private final Map<CellKey, Double> trainedShare = new HashMap<>();
  private final Map<String, Spent> byModel = new HashMap<>();
  private final Spent learning = new Spent();
  private final Spent evaluating = new Spent();

  RemainingTime(Map<CellKey, Planned> planned) {
    this.planned = new LinkedHashMap<>(planned);
  }

  /** The time left of a run of {@code cells}, at the costs {@link Shard#cost} estimates. */
  public static RemainingTime of(List<PlannedCell> cells) {
    Map<CellKey, Planned> planned = new LinkedHashMap<>();
    cells.forEach(cell -> planned.put(cell.key(), new Planned(cell.model().id(), cell.model().learns(),
        Shard.cost(cell))));
    return new RemainingTime(planned);
  }

  /** A cell an earlier attempt finished: no work of this one, before or after. */
  synchronized void reused(CellKey key) {
    planned.remove(key);
  }

  /** A group's cells have done {@code updates} of their {@code of} training updates. */
  synchronized void training(CellGroup group, int updates, int of) {
    double share = of == 0 ? 0 : Math.min(1, (double) updates / of);
    group.keys().forEach(key -> trainedShare.put(key, share));
  }

  /** A cell of this attempt finished in {@code seconds} of its own (training and evaluation). */
  synchronized void finished(CellKey key, double seconds) {
    Planned cell = planned.remove(key);
    trainedShare.remove(key);
    if (cell == null || cell.cost() == 0) {
      return;
    }
    byModel.computeIfAbsent(cell.model(), model -> new Spent()).add(seconds, cell.cost());
    (cell.learns() ? learning : evaluating).add(seconds, cell.cost());
  }

  /** The time left after {@code elapsed} of this attempt; empty until a cell has finished. */
  synchronized Optional<Duration> left(Duration elapsed) {
    double spent = learning.seconds + evaluating.seconds;
    if (spent <= 0) {
      return Optional.empty();
    }
    double left = 0;
    for (Map.Entry<CellKey, Planned> cell : planned.entrySet()) {
      double estimate = estimate(cell.getValue());
      double share = trainedShare.getOrDefault(cell.getKey(), 0.0);
      spent += share * estimate;
      left += (1 - share) * estimate;
    }
    return Optional.of(Duration.ofMillis(Math.round(elapsed.toMillis() * left / spent)));
  }

  private double estimate(Planned cell) {
    if (cell.cost() == 0) {
      return 0;
    }
    Spent model = byModel.get(cell.model());
    if (model != null) {
      return model.perCost() * cell.cost();
    }
    Spent kind = cell.learns() ? learning : evaluating;
    if (kind.cells > 0) {
      return kind.seconds / kind.cells;
    }
    // neither kind has finished a cell here, so the other kind has: the run's seconds per cost
    Spent other = cell.learns() ? evaluating : learning;
    return other.perCost() * cell.cost();
  }
}
