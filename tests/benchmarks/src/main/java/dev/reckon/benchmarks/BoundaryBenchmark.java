package dev.reckon.benchmarks;

import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Task;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the plugin boundary costs a cell of the default suite's 6x6 sudoku: the deep copy of its
 * training set (5000 puzzles) handed to a model, the copy of one evaluation set (500 puzzles), and
 * the check of an rrn's predictions on it (500 puzzles at the 6 step counts 1 to 32), set beside
 * the generation of that evaluation set, which every cell's process does anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BoundaryBenchmark {
  private Task task;
  private Dataset training;
  private Dataset evaluation;
  private LabelingPredictions predictions;

  @Setup
  public void setUp() {
    task = SudokuTask.ofSide(6);
    training = task.generate(task.level("b16"), 5000, 1);
    evaluation = task.generate(task.level("b16"), 500, 2);
    int[] steps = {1, 2, 4, 8, 16, 32};
    int[][][] labels = new int[steps.length][][];
    for (int i = 0; i < steps.length; i++) {
      labels[i] = ((dev.reckon.api.LabelingDataset) evaluation).solutions();
    }
    predictions = new LabelingPredictions(steps, labels);
  }

  @Benchmark
  public Dataset copyTrainingSet() {
    return training.copy();
  }

  @Benchmark
  public Dataset copyEvaluationSet() {
    return evaluation.withoutAnswers().copy();
  }

  @Benchmark
  public LabelingPredictions checkPredictions() {
    evaluation.check(predictions);
    return predictions;
  }

  @Benchmark
  public Dataset generateEvaluationSet() {
    return task.generate(task.level("b16"), 500, 2);
  }
}
