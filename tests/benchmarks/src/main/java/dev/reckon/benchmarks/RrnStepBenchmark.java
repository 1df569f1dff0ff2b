package dev.reckon.benchmarks;

import static dev.reckon.graphnets.GraphNetworkSettings.HIDDEN;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_LAYERS;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_WIDTH;
import static dev.reckon.graphnets.RecurrentSettings.STEPS;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reckon.api.Config;
import dev.reckon.api.LabelingDataset;
import dev.reckon.graphnets.InputEncoder;
import dev.reckon.graphnets.RecurrentRelationalNetwork;
import dev.reckon.graphnets.SampledNeighbours;
import dev.reckon.graphnets.SeedBatches;
import dev.reckon.graphnets.StepwiseTrainer;
import dev.reckon.plugins.adjacency.AdjacencySampler;
import dev.reckon.plugins.adjacency.AdjacencyTrainer;
import dev.reckon.plugins.adjacency.LearnedAdjacencyFactory;
import dev.reckon.plugins.adjacency.LearnedAdjacencySettings;
import dev.reckon.plugins.rrn.RrnModelFactory;
import dev.reckon.kit.PuzzleBatch;
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
 * The rrn at the default CPU size (6x6 Sudoku, batch 64, hidden 64, 8 training steps) beside a
 * plain matrix product on the same engine, so the network's FLOP rate can be read against what
 * the machine reaches on its best-case kernel in the same run.
 *
 * <p>FLOPs of one relational step, forward, counting a multiply-add as 2 and the per-edge add
 * and the neighbour sum as 1 each: with B puzzles of n nodes, hidden size H, message width W,
 * D neighbours a node and L labels,
 *
 * <pre>
 *   F_step = B n (6 H W + 18 H^2 + 2 D W + 2 H L)
 * </pre>
 *
 * (message pair layer {@code 2 x 2HW}, message output {@code 2WH}, GRU input {@code 2 x 2H x 3H},
 * GRU state {@code 2 x H x 3H}, per-edge add and sum {@code 2DW}, read-out {@code 2HL}; gate
 * arithmetic and activations, O(H), are left out). One training update runs T steps forward and
 * backward, the backward pass costing twice the forward, plus the input encoder ({@code 4H^2} a
 * node):
 *
 * <pre>
 *   F_update = 3 (T F_step + B n 4 H^2)
 * </pre>
 *
 * At the default size (B 64, n 36, H = W 64, D 12, L 6) F_step = 232 MFLOP and F_update = 5.68
 * GFLOP; the matrix product of two 512 x 512 matrices is 2 x 512^3 = 268 MFLOP. GFLOP/s = FLOPs /
 * the score in seconds.
 *
 * <p>The networks stack {@code seeds} seeds (K, {@link SeedAxis}), each on its own copy of the
 * batch: the ratio of {@link #trainingUpdate} (or {@link #learnedAdjacencyUpdate}) at K = 3 to K = 1
 * is what training three seeds at once costs against one. The product does not depend on it.
 *
 * <p>PyTorch's intra-op thread count is the engine's default unless the run sets it, e.g. {@code
 * -jvmArgsAppend -Dai.djl.pytorch.num_threads=1}: on cores shared with other work the default's
 * OpenMP threads wait on each other at every op, which these ops are small enough to feel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class RrnStepBenchmark extends EngineBenchmark {
  private static final int BATCH = 64;
  private static final int MATRIX = 512;

  @Param({"1", "3"})
  public int seeds;

  private RecurrentRelationalNetwork network;
  private ParameterStore parameterStore;
  private StepwiseTrainer trainer;
  private LabelingDataset puzzles;
  private NDArray features;
  private NDArray state;
  private NDArray left;
  private NDArray right;
  private AdjacencyTrainer learnedAdjacency;

  @Setup(Level.Trial)
  public void setUp() {
    SudokuTask task = SudokuTask.ofSide(6);
    puzzles = task.generate(task.level("b12"), BATCH, 1);
    Settings settings = new RrnModelFactory().declarations().read(Config.empty());
    openEngine(1);
    network = new RecurrentRelationalNetwork(new SeedAxis(LongStream.rangeClosed(1, seeds).toArray()),
        puzzles.graph(), puzzles.labels(), settings.get(HIDDEN), settings.get(MESSAGE_WIDTH),
        settings.get(MESSAGE_LAYERS), settings.get(STEPS), manager);
    network.initialize(manager, DataType.FLOAT32, new Shape(seeds, BATCH, puzzles.graph().nodes()));
    parameterStore = new ParameterStore(manager, false);
    trainer = new StepwiseTrainer(network, parameterStore, settings);
    features = network.encode(parameterStore, stacked(manager).givens(), false);
    state = network.initialState(features);
    for (int step = 0; step < settings.get(STEPS); step++) {
      state = network.step(parameterStore, state, features, false);
    }
    learnedAdjacency = learnedAdjacency(puzzles.graph().nodes(), puzzles.labels());
    left = manager.randomUniform(-1, 1, new Shape(MATRIX, MATRIX));
    right = manager.randomUniform(-1, 1, new Shape(MATRIX, MATRIX));
  }

  /** One optimiser update of every seed: 8 steps forward with a read-out each, the losses, backward, Adam. */
  @Benchmark
  public float trainingUpdate() {
    return trainer.update(stacked(invocation)).loss().sum().getFloat();
  }

  /** The puzzles as every seed's batch, as a model of {@code seeds} seeds stacks its seeds' batches. */
  private PuzzleBatch stacked(NDManager owner) {
    return SeedBatches.puzzles(owner, Collections.nCopies(seeds, puzzles),
        Collections.nCopies(seeds, IntStream.range(0, BATCH).toArray()));
  }

  /**
   * The learned-adjacency model's trainer at its defaults on the same puzzles, drawing 12
   * neighbours a node (the real graph's degree): the same network of {@code seeds} seeds, not given
   * the graph, with its sampler.
   */
  private AdjacencyTrainer learnedAdjacency(int nodes, int labels) {
    Settings settings = new LearnedAdjacencyFactory().declarations()
        .read(Config.resolve(new LearnedAdjacencyFactory().settings(), Map.of("neighbours", 12)));
    SampledNeighbours neighbours = new SampledNeighbours();
    SeedAxis axis = new SeedAxis(LongStream.rangeClosed(1, seeds).toArray());
    AdjacencySampler sampler = new AdjacencySampler(axis, nodes, labels,
        settings.get(LearnedAdjacencySettings.SAMPLER_WIDTH), settings.get(LearnedAdjacencySettings.READS_VALUES));
    RecurrentRelationalNetwork blind = new RecurrentRelationalNetwork(axis,
        InputEncoder.withoutGraph(axis, nodes, labels, settings.get(HIDDEN), manager), neighbours, sampler, labels,
        settings.get(HIDDEN), settings.get(MESSAGE_WIDTH), settings.get(MESSAGE_LAYERS), settings.get(STEPS));
    blind.initialize(manager, DataType.FLOAT32, new Shape(seeds, BATCH, nodes));
    return new AdjacencyTrainer(blind, neighbours, sampler, new ParameterStore(manager, false), settings, axis,
        settings.get(LearnedAdjacencySettings.NEIGHBOURS), settings.get(LearnedAdjacencySettings.DRAWS),
        settings.get(LearnedAdjacencySettings.ENTROPY_BONUS));
  }

  /** One learned-adjacency update of every seed: graphs drawn, 8 steps on them, the losses and surrogates, backward, Adam. */
  @Benchmark
  public float learnedAdjacencyUpdate() {
    return learnedAdjacency.update(stacked(invocation)).loss().sum().getFloat();
  }

  /** One relational step and its read-out at evaluation, from a state 8 steps in. */
  @Benchmark
  public long inferenceStep() {
    state.tempAttach(invocation);
    features.tempAttach(invocation);
    NDArray next = network.step(parameterStore, state, features, false);
    return network.readout(parameterStore, next, false).argMax(-1).getLong(0, 0);
  }

  /** A 512 x 512 by 512 x 512 float product. */
  @Benchmark
  public float matmul512() {
    left.tempAttach(invocation);
    return left.matMul(right).getFloat(0, 0);
  }
}
