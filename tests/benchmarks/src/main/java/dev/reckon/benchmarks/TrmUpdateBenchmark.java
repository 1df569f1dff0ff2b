package dev.reckon.benchmarks;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.ModelFactory;
import dev.reckon.plugins.trm.TrmModelFactory;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training updates of the tiny recursive model on the default suite's 6x6 Sudoku cell (hidden 32,
 * n = 4 latent steps, T = 1 recursion, 4 supervision steps a batch, batch 64, learning rate 0.004;
 * level b16), through the plugin's own group training ({@code createGroup}), beside the 512 x 512
 * matrix product on the same engine ({@link ModelCell}). One invocation creates a group of {@link
 * #seeds} seeds, one network with a leading seed axis, and trains {@value #UPDATES} updates, two
 * batches of 4 supervision steps (the first initialises the weights and AdamW's state; the last also
 * reads the batch's accuracy from its logits): the score / {@value #UPDATES} is the time of an update
 * of all the seeds, and the score at 3 seeds over the score at 1 is what training them together
 * costs (3 would save nothing). The set-up prints the FLOPs an update as the model's own {@code
 * training_flops} curve counts them (the plugin's TrmFlops, one seed's); GFLOP/s = seeds x FLOPs an
 * update / the time of an update. The matrix product is 2 x 512^3 = 268 MFLOP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class TrmUpdateBenchmark extends ModelCell {
  static final int UPDATES = 8;
  /** The default suite's sudoku-6x6 entry: its training level and size; trm's settings in {@link #setUp}. */
  private static final String TRAINING_LEVEL = "b16";
  private static final int TRAINING_SIZE = 5000;

  /** K, the seeds trained at once; each seed samples its own batches from its own training set. */
  @Param({"1", "3"})
  public int seeds;

  @Setup(Level.Trial)
  public void setUp() {
    SudokuTask task = SudokuTask.ofSide(6);
    ModelFactory factory = new TrmModelFactory();
    openCell("trm", factory, task, Config.resolve(factory.settings(), Map.of("hidden", 32, "latentSteps", 4,
        "recursions", 1, "supervisionSteps", 4, "batchSize", 64, "learningRate", 0.004, "updates", UPDATES,
        "logEvery", UPDATES, "evalEvery", UPDATES)), LongStream.rangeClosed(1, seeds)
        .mapToObj(seed -> (Dataset) task.generate(task.level(TRAINING_LEVEL), TRAINING_SIZE, seed)).toList());
  }

  /** A fresh group of {@link #seeds} seeds trained {@value #UPDATES} updates at the suite's trm settings. */
  @Benchmark
  public int trainingUpdates() {
    return trainFreshGroup();
  }

  /** A 512 x 512 by 512 x 512 float product. */
  @Benchmark
  public float matmul512() {
    return product();
  }
}
