package dev.reckon.benchmarks;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.Task;
import dev.reckon.plugins.baselines.BaselinesPlugin;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the sudoku task and the classical baselines: generating puzzles with unique
 * solutions per size and level, solving them exactly, and propagation at its full budget. The
 * score is the time for one puzzle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SudokuBenchmark {
  private static final int PUZZLES = 16;

  @Param({"sudoku-4x4:b8", "sudoku-6x6:b16", "sudoku-6x6:minimal", "sudoku-9x9:b50", "sudoku-9x9:minimal"})
  public String level;

  private Task task;
  private Dataset puzzles;
  private Task.ReferenceSolver solver;
  private Model propagation;
  private long seed;

  @Setup
  public void setUp() {
    String[] parts = level.split(":");
    task = SudokuTask.ofSide(Integer.parseInt(parts[0].substring(parts[0].length() - 1)));
    puzzles = task.generate(task.level(parts[1]), PUZZLES, 1).withoutAnswers();
    solver = task.referenceSolver().orElseThrow();
    ModelFactory factory = new BaselinesPlugin().models().stream().filter(m -> m.id().equals("propagation"))
        .findFirst().orElseThrow();
    propagation = factory.create(new ModelContext(task, Config.resolve(factory.settings(), Map.of("maxRounds", 64)), 1,
        "cpu"));
  }

  /** One puzzle generated: a complete grid, then removals each checked for a unique solution. */
  @Benchmark
  public Dataset generate() {
    return task.generate(task.level(level.split(":")[1]), 1, seed++);
  }

  /** Exact solving, per puzzle. */
  @Benchmark
  @OperationsPerInvocation(PUZZLES)
  public Predictions solve() {
    return solver.solve(puzzles);
  }

  /** Propagation with every budget from 1 to 64 rounds read out, per puzzle. */
  @Benchmark
  @OperationsPerInvocation(PUZZLES)
  public Predictions propagate() {
    return propagation.predict(puzzles);
  }
}
