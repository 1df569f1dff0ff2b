package dev.reckon.benchmarks;

import static dev.reckon.graphnets.GraphNetworkSettings.HIDDEN;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_LAYERS;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_WIDTH;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reckon.api.Config;
import dev.reckon.api.LabelingDataset;
import dev.reckon.graphnets.RecurrentRelationalNetwork;
import dev.reckon.graphnets.SeedBatches;
import dev.reckon.plugins.deq.DeqGnnFactory;
import dev.reckon.plugins.deq.DeqSettings;
import dev.reckon.plugins.deq.PhantomGradientTrainer;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.Settings;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * One deq-gnn training update at the default CPU size (6x6 Sudoku, batch 64, hidden 64; a solve
 * of at most 16 evaluations without gradients, then 2 steps with), with and without the Jacobian
 * penalty: run it beside {@code RrnStepBenchmark.trainingUpdate} (8 steps with gradients) for the
 * ratio in one run. The solver may stop early, so the figure depends on the weights: these are
 * freshly initialised, and the update is measured on the same batch again and again.
 *
 * <p>The network stacks {@code seeds} seeds (K, {@link SeedAxis}), each on its own copy of the
 * batch, solved together until the slowest seed's puzzles are solved: the ratio at K = 3 to K = 1
 * is what training three seeds at once costs against one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class DeqStepBenchmark extends EngineBenchmark {
  private static final int BATCH = 64;

  @Param({"0", "0.1"})
  public double jacobianPenalty;

  @Param({"1", "3"})
  public int seeds;

  private PhantomGradientTrainer trainer;
  private LabelingDataset puzzles;

  @Setup(Level.Trial)
  public void setUp() {
    SudokuTask task = SudokuTask.ofSide(6);
    puzzles = task.generate(task.level("b12"), BATCH, 1);
    DeqGnnFactory factory = DeqGnnFactory.plain();
    Settings settings = factory.declarations()
        .read(Config.resolve(factory.settings(), Map.of("jacobianPenalty", jacobianPenalty)));
    openEngine(1);
    long[] seedValues = LongStream.rangeClosed(1, seeds).toArray();
    RecurrentRelationalNetwork network = new RecurrentRelationalNetwork(new SeedAxis(seedValues), puzzles.graph(),
        puzzles.labels(), settings.get(HIDDEN), settings.get(MESSAGE_WIDTH), settings.get(MESSAGE_LAYERS),
        settings.get(DeqSettings.GRADIENT_STEPS), manager);
    network.initialize(manager, DataType.FLOAT32, new Shape(seeds, BATCH, puzzles.graph().nodes()));
    trainer = new PhantomGradientTrainer(network, new ParameterStore(manager, false), settings, seedValues);
  }

  /** One update of every seed: the solve, 2 steps with gradients, the losses (and penalties), backward, Adam. */
  @Benchmark
  public float trainingUpdate() {
    return trainer.update(SeedBatches.puzzles(invocation, Collections.nCopies(seeds, puzzles),
        Collections.nCopies(seeds, IntStream.range(0, BATCH).toArray()))).loss().sum().getFloat();
  }
}
