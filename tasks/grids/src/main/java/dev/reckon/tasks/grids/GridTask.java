package dev.reckon.tasks.grids;

import dev.reckon.api.Dataset;
import dev.reckon.api.ExampleOutcomes;
import dev.reckon.api.ExampleScoredTask;
import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What the grid tasks share: levels by size and two scores of a labelling, the share of grids with
 * every cell right (the primary metric: a maze's path or a string's parities is right or not) and
 * the share of cells right. The task seed is unused; every grid comes from the data seed.
 */
abstract class GridTask implements ExampleScoredTask {
  private final String id;
  private final GridFormat format;
  private final SizeLevels levels;
  private final List<Metric> metrics;

  /**
   * @param id the task's id, for messages
   * @param whole the primary metric: grids with every cell right
   * @param cell the second metric: cells right
   */
  GridTask(String id, GridFormat format, SizeLevels levels, Metric whole, Metric cell) {
    this.id = id;
    this.format = format;
    this.levels = levels;
    this.metrics = List.of(whole, cell);
  }

  /** A share of grids or cells right, {@code id} in the results. */
  static Metric fraction(String id, String description) {
    return new Metric(id, Direction.HIGHER_IS_BETTER, Metric.FRACTION, description);
  }

  /** The last of {@code task}'s listed levels, the largest. */
  static Level hardestListed(GridTask task) {
    return task.levels().get(task.levels().size() - 1);
  }

  @Override
  public GridFormat format() {
    return format;
  }

  @Override
  public List<Level> levels() {
    return levels.listed();
  }

  /** A listed level, or any other size the task's rule allows. */
  @Override
  public Level level(String id) {
    return levels.level(id);
  }

  @Override
  public List<Metric> metrics() {
    return metrics;
  }

  /** The size of {@code level}: a maze's side, a string's length. */
  int size(Level level) {
    return levels.size(level);
  }

  /** {@code count} grids of {@code level}'s size with their answers, fully determined by {@code seed}. */
  @Override
  public abstract GridDataset generate(Level level, int count, long seed);

  /** The outcomes per example: whether every cell of its grid is right. */
  @Override
  public List<Score> score(Dataset answers, Predictions predictions, List<ExampleOutcomes> outcomes) {
    if (!(answers instanceof GridDataset data) || !data.hasAnswers()) {
      throw new IllegalArgumentException(id + " scores a grid dataset with its answers");
    }
    if (!(predictions instanceof LabelingPredictions labelling)) {
      throw new IllegalArgumentException(id + " needs labelling predictions, got " + predictions.getClass().getName());
    }
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < labelling.iterations().length; i++) {
      BitSet wholeRight = new BitSet(data.size());
      long cellsRight = 0;
      for (int example = 0; example < data.size(); example++) {
        int[] output = labelling.labels()[i][example];
        int[] answer = data.answers()[example];
        int right = 0;
        for (int cell = 0; cell < answer.length; cell++) {
          right += output[cell] == answer[cell] ? 1 : 0;
        }
        wholeRight.set(example, right == answer.length);
        cellsRight += right;
      }
      int iterations = labelling.iterations()[i];
      ExampleOutcomes whole = new ExampleOutcomes(metrics.get(0).id(), iterations, data.size(), wholeRight);
      outcomes.add(whole);
      scores.add(whole.score());
      scores.add(Score.proportion(metrics.get(1).id(), iterations, cellsRight,
          Math.multiplyExact(data.size(), data.cellCount())));
    }
    return scores;
  }
}
