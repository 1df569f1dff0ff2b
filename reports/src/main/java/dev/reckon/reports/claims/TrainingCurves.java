package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.ResultSelection.matches;

import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunResults.Cell;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.format.RunResults.TrainingPoint;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What the rules about training read from a run: its finished cells and their training curves (training.csv). */
final class TrainingCurves {
  private TrainingCurves() {}

  /** The training curve of the primary metric of a cell's task, e.g. {@code train_puzzle_accuracy}. */
  static String trainingMetric(MeasurementIndex index, Cell cell) {
    return Optional.ofNullable(index.run().tasks().get(cell.task())).map(TaskInfo::trainingMetric).orElse("");
  }

  /** Finished cells of {@code model} on {@code task}, each with the cell of {@code against} trained alike. */
  static List<Cell[]> trainedPairs(MeasurementIndex index, String model, String against, String task) {
    List<Cell> trained = index.run().cells().stream()
        .filter(c -> c.status().equals(RunFormat.DONE) && !Double.isNaN(c.trainSeconds()) && matches(task, c.task()))
        .toList();
    List<Cell[]> pairs = new ArrayList<>();
    for (Cell mine : trained) {
      if (mine.model().equals(model)) {
        trained.stream()
            .filter(other -> other.model().equals(against) && other.task().equals(mine.task())
                && other.trainLevel().equals(mine.trainLevel()) && other.seed() == mine.seed())
            .forEach(other -> pairs.add(new Cell[] {mine, other}));
      }
    }
    return pairs;
  }

  /** The updates a cell trained: the last update of its training curves (training.csv), 0 without any. */
  static long updates(MeasurementIndex index, Cell cell) {
    return points(index, cell).mapToLong(TrainingPoint::update).max().orElse(0);
  }

  /** The updates a model trained on a task and level: the most of any of its seeds' cells. */
  static long updates(MeasurementIndex index, String model, String task, String trainLevel) {
    return index.run().cells().stream()
        .filter(c -> c.model().equals(model) && c.task().equals(task) && c.trainLevel().equals(trainLevel))
        .mapToLong(c -> updates(index, c)).max().orElse(0);
  }

  /** The points of one training curve of a cell, in the order logged. */
  static Stream<TrainingPoint> curve(MeasurementIndex index, Cell cell, String metric) {
    return points(index, cell).filter(p -> p.metric().equals(metric));
  }

  /** Every training point of a cell, in the order logged. */
  static Stream<TrainingPoint> points(MeasurementIndex index, Cell cell) {
    return index.trainingPoints(cell).stream();
  }
}
