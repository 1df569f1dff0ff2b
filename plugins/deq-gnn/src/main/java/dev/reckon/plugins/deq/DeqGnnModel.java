package dev.reckon.plugins.deq;

import static dev.reckon.graphnets.GraphNetworkSettings.BATCH_SIZE;
import static dev.reckon.graphnets.GraphNetworkSettings.EVAL_BATCH_SIZE;
import static dev.reckon.graphnets.GraphNetworkSettings.HIDDEN;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_LAYERS;
import static dev.reckon.graphnets.GraphNetworkSettings.MESSAGE_WIDTH;
import static dev.reckon.plugins.deq.DeqSettings.ANDERSON_MEMORY;
import static dev.reckon.plugins.deq.DeqSettings.GRADIENT_STEPS;
import static dev.reckon.plugins.deq.DeqSettings.JACOBIAN_PENALTY;
import static dev.reckon.plugins.deq.DeqSettings.SOLVER_CAP;
import static dev.reckon.plugins.deq.DeqSettings.TOLERANCE;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.reckon.api.Dataset;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.TrainingLog;
import dev.reckon.graphnets.GraphBatch;
import dev.reckon.graphnets.GraphNetworkFlops;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.graphnets.InputEncoder;
import dev.reckon.graphnets.SeedBatches;
import dev.reckon.kit.BatchSampler;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.Training;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * A deep-equilibrium graph network: the rrn's relational step as a weight-tied map {@code
 * f(h, x)}, solved for {@code h* = f(h*, x)} from a zero state by a {@link FixedPointSolver} and
 * read out at {@code h*}; trained by the {@link PhantomGradientTrainer}.
 *
 * <p>Its test-time compute is the solver's budget: it predicts at solver caps 1, 2, 4, ..., and
 * measures at each the evaluations of f used ({@code solver_iterations}) and the relative
 * residual reached ({@code solver_residual}), per puzzle.
 *
 * <p>Compute ({@link DeqFlops}): {@link TrainingLog#TRAINING_FLOPS} after every update's optimiser
 * step, outside the gradient scope, counting the evaluations the update's solve actually ran; and
 * {@link Predictions#INFERENCE_FLOPS} at every cap, the mean over puzzles of what each needed.
 *
 * <p>Graphs per example ({@link GraphLabelingDataset}): the same, its input encoding taking the
 * node features ({@link InputEncoder#withFeatures}) and its messages along each batch's graphs
 * ({@link GraphBatch}); f is masked to the real nodes, so padding nodes stay at 0 and change
 * neither the solve's residual nor the loss; FLOPs on the batch's padded node and slot counts.
 * A grid (a maze, a bit string) is read as such graphs: its lattice, the cells' values as features.
 *
 * <p>Seeds trained at once ({@link DeqGnnFactory#createGroup}): one network of K seeds, each
 * seed's batches its own, solved together as K * B problems ({@link PhantomGradientTrainer});
 * each seed's curves are its own, its solver iterations and residuals the means over its puzzles.
 */
public final class DeqGnnModel extends GraphNetworkModel {
  /** Power iterations of the spectral-norm estimate. */
  private static final int NORM_ROUNDS = 8;

  /**
   * @param id the model's id, {@code deq-gnn} or {@code deq-gnn-stable}
   * @param declarations the variant's settings ({@link DeqSettings})
   * @param context the settings, the seed of the weights and batch order, the device
   */
  public DeqGnnModel(String id, Declarations declarations, ModelContext context) {
    super(id, declarations, context);
  }

  /**
   * The seeds of {@code contexts} trained at once, as one network ({@link dev.reckon.kit.StackedGroup}).
   *
   * @param id the model's id, {@code deq-gnn} or {@code deq-gnn-stable}
   * @param declarations the variant's settings ({@link DeqSettings})
   * @param contexts each seed's settings (the same), seed and device
   */
  public DeqGnnModel(String id, Declarations declarations, List<ModelContext> contexts) {
    super(id, declarations, contexts);
  }


  @Override
  protected void train(List<Dataset> training, List<TrainingLog> logs) {
    List<Dataset> read = graphsOf(training);
    if (read.get(0) instanceof GraphLabelingDataset) {
      trainOnGraphs(read, logs);
      return;
    }
    List<LabelingDataset> data = trainingData(training);
    PhantomGradientTrainer trainer = new PhantomGradientTrainer(network, store, settings, seedValues(s -> s));
    JacobianNorm norm = new JacobianNorm(network, store, NORM_ROUNDS, seedValues(s -> ~s));
    List<BatchSampler> samplers = samplers(data, settings.get(BATCH_SIZE));
    DeqFlops flops = flops();
    TrainingLoop.run(manager, Training.cadence(settings), logs, (scope, update) -> {
      List<int[]> examples = next(samplers);
      PhantomGradientTrainer.Update result = trainer.update(SeedBatches.puzzles(scope, data, examples));
      return new Solve(result, flops, settings.get(BATCH_SIZE), () -> norm.largest(result.fixedPoint(),
          result.features())) {
        @Override
        public void evaluated(int member, TrainingLoop.Curves curves) {
          Accuracy accuracy = Accuracy.of(data.get(member), examples.get(member), result.logits().get(member));
          curves.record(TrainingLog.trainingMetric("puzzle_accuracy"), accuracy.puzzles());
          curves.record(TrainingLog.trainingMetric("cell_accuracy"), accuracy.cells());
          curves.record("jacobian_spectral_norm", spectralNorm(member));
        }
      };
    });
  }

  /** Each seed's seed through {@code mix}, in slice order: the seeds of its random directions. */
  private long[] seedValues(LongUnaryOperator mix) {
    return IntStream.range(0, seeds.size()).mapToLong(k -> mix.applyAsLong(seeds.seed(k))).toArray();
  }

  @Override
  public LabelingPredictions predict(Dataset inputs) {
    if (graphsOf(inputs) instanceof GraphLabelingDataset graphs) {
      return predictOnGraphs(graphs);
    }
    LabelingDataset data = predictionInputs(inputs);
    int[] caps = DeqSettings.readoutIterations(settings);
    int[][][] outputs = new int[caps.length][data.size()][];
    double[][] used = new double[caps.length][data.size()];
    double[][] residuals = new double[caps.length][data.size()];
    FixedPointSolver solver =
        new FixedPointSolver(settings.get(ANDERSON_MEMORY), caps[caps.length - 1], settings.get(TOLERANCE));
    for (int[] examples : batches(data.size(), settings.get(EVAL_BATCH_SIZE))) {
      try (NDManager scope = manager.newSubManager()) {
        // One seed: its batch [1, B, ...], the solver's problems [B, N, H].
        NDArray features = network.encode(store, PuzzleBatch.givens(scope, data, examples).expandDims(0), false);
        int[] next = {0};
        FixedPointSolver.Solution solution = solver.solve(
            (h, step) -> network.step(store, h.expandDims(0), PhantomGradientTrainer.attached(features, step), false)
                .squeeze(0),
            features.zerosLike().squeeze(0),
            (evaluations, answer, residual) -> {
              if (evaluations == caps[next[0]]) {
                readOut(data, examples, answer, outputs[next[0]], residual, residuals[next[0]]);
                next[0]++;
              }
            });
        // Every puzzle solved before the largest cap: a larger cap would return the same.
        float[] finalResiduals = solution.residuals();
        for (; next[0] < caps.length; next[0]++) {
          readOut(data, examples, solution.answer(), outputs[next[0]], finalResiduals, residuals[next[0]]);
        }
        for (int c = 0; c < caps.length; c++) {
          for (int b = 0; b < examples.length; b++) {
            used[c][examples[b]] = Math.min(solution.evaluations()[b], caps[c]);
          }
        }
      }
    }
    List<Score> measurements = new ArrayList<>();
    DeqFlops flops = flops();
    for (int c = 0; c < caps.length; c++) {
      measurements.add(Score.mean("solver_iterations", caps[c], used[c]));
      measurements.add(Score.mean("solver_residual", caps[c], residuals[c]));
      double[] perPuzzle = new double[data.size()];
      for (int p = 0; p < data.size(); p++) {
        perPuzzle[p] = flops.inference(caps[c], (int) used[c][p]);
      }
      measurements.add(Score.mean(Predictions.INFERENCE_FLOPS, caps[c], perPuzzle));
    }
    return new LabelingPredictions(caps, outputs, measurements);
  }

  private void trainOnGraphs(List<Dataset> training, List<TrainingLog> logs) {
    List<GraphLabelingDataset> data = graphTrainingData(training);
    PhantomGradientTrainer trainer = new PhantomGradientTrainer(network, store, settings, seedValues(s -> s));
    JacobianNorm norm = new JacobianNorm(network, store, NORM_ROUNDS, seedValues(s -> ~s));
    List<BatchSampler> samplers = samplers(data, settings.get(BATCH_SIZE));
    TrainingLoop.run(manager, Training.cadence(settings), logs, (scope, update) -> {
      List<int[]> examples = next(samplers);
      GraphBatch batch = graphBatch(scope, data, examples, true);
      PhantomGradientTrainer.Update result = trainer.update(batch);
      return new Solve(result, flops(batch), batch.size(), () -> norm.largest(result.fixedPoint(), result.features(),
          PhantomGradientTrainer.nodeMask(batch))) {
        @Override
        public void evaluated(int member, TrainingLoop.Curves curves) {
          Accuracy accuracy = accuracyOf(data.get(member), examples.get(member), batch, result.logits().get(member));
          curves.record(TrainingLog.EXAMPLE_ACCURACY, accuracy.puzzles());
          curves.record(TrainingLog.trainingMetric("node_accuracy"), accuracy.cells());
          curves.record("jacobian_spectral_norm", spectralNorm(member));
        }
      };
    });
  }

  /**
   * An update's loss, memory and solve, and the Jacobian penalty when there is one, each seed's
   * on its own curve; its FLOPs over the evaluations the solve ran (it evaluates f on the whole
   * batch, every seed's, until its slowest puzzle is solved, or the cap). Each training path adds
   * its accuracy and the spectral norm, estimated once an update for all seeds.
   */
  private abstract class Solve extends UpdateOutcome {
    private final PhantomGradientTrainer.Update result;
    private final DeqFlops cost;
    private final int batch;
    private final Supplier<double[]> estimate;
    private double[] spectralNorms;

    Solve(PhantomGradientTrainer.Update result, DeqFlops cost, int batch, Supplier<double[]> estimate) {
      super(result.loss(), result.memoryMegabytes(),
          cost.trainingUpdate(batch, Arrays.stream(result.solution().evaluations()).max().orElse(0)));
      this.result = result;
      this.cost = cost;
      this.batch = batch;
      this.estimate = estimate;
    }

    /**
     * Seed {@code member}'s FLOPs: the evaluations its own slowest puzzle needed, as its solve alone
     * would have run (a puzzle's count stops when it is solved, whatever the group runs on).
     */
    @Override
    public long flops(int member) {
      int[] evaluations = result.solution().evaluations();
      return cost.trainingUpdate(batch, Arrays.stream(evaluations, member * batch, (member + 1) * batch).max().orElse(0));
    }

    @Override
    public void logged(int member, TrainingLoop.Curves curves) {
      int first = member * batch;
      curves.record("solver_iterations", result.solution().meanEvaluations(first, first + batch));
      curves.record("solver_residual", result.solution().meanResidual(first, first + batch));
      if (settings.get(JACOBIAN_PENALTY) > 0) {
        curves.record("jacobian_penalty", result.penalty()[member]);
      }
    }

    /** Seed {@code member}'s spectral norm estimate, the estimate made for all seeds at the first call. */
    double spectralNorm(int member) {
      if (spectralNorms == null) {
        spectralNorms = estimate.get();
      }
      return spectralNorms[member];
    }
  }

  private LabelingPredictions predictOnGraphs(Dataset inputs) {
    GraphLabelingDataset data = graphPredictionInputs(inputs);
    int[] caps = DeqSettings.readoutIterations(settings);
    int[][][] outputs = new int[caps.length][data.size()][];
    double[][] residuals = new double[caps.length][data.size()];
    double[][] used = new double[caps.length][data.size()];
    // What each example cost at each cap: its batch's padded arrays, over the evaluations it needed.
    double[][] costs = new double[caps.length][data.size()];
    FixedPointSolver solver =
        new FixedPointSolver(settings.get(ANDERSON_MEMORY), caps[caps.length - 1], settings.get(TOLERANCE));
    for (int[] examples : batches(data.size(), settings.get(EVAL_BATCH_SIZE))) {
      try (NDManager scope = manager.newSubManager()) {
        GraphBatch batch = graphBatch(scope, data, examples);
        NDArray mask = PhantomGradientTrainer.nodeMask(batch);
        NDArray features = network.encode(store, batch.inputs(), false);
        int[] next = {0};
        FixedPointSolver.Solution solution = solver.solve(
            (h, step) -> network.step(store, h.expandDims(0), PhantomGradientTrainer.attached(features, step), false)
                .mul(PhantomGradientTrainer.attached(mask, step)).squeeze(0),
            features.zerosLike().squeeze(0),
            (evaluations, answer, residual) -> {
              if (evaluations == caps[next[0]]) {
                readOut(data, examples, batch, answer, outputs[next[0]], residual, residuals[next[0]]);
                next[0]++;
              }
            });
        float[] finalResiduals = solution.residuals();
        for (; next[0] < caps.length; next[0]++) {
          readOut(data, examples, batch, solution.answer(), outputs[next[0]], finalResiduals, residuals[next[0]]);
        }
        DeqFlops flops = flops(batch);
        for (int c = 0; c < caps.length; c++) {
          for (int b = 0; b < examples.length; b++) {
            used[c][examples[b]] = Math.min(solution.evaluations()[b], caps[c]);
            costs[c][examples[b]] = flops.inference(caps[c], solution.evaluations()[b]);
          }
        }
      }
    }
    List<Score> measurements = new ArrayList<>();
    for (int c = 0; c < caps.length; c++) {
      measurements.add(Score.mean("solver_iterations", caps[c], used[c]));
      measurements.add(Score.mean("solver_residual", caps[c], residuals[c]));
      measurements.add(Score.mean(Predictions.INFERENCE_FLOPS, caps[c], costs[c]));
    }
    return new LabelingPredictions(caps, outputs, measurements);
  }

  /** The model's {@link DeqFlops} on {@code batch}: its padded node and neighbour-slot counts. */
  DeqFlops flops(GraphBatch batch) {
    return DeqFlops.of(GraphNetworkFlops.perExample(batch.nodes(), batch.slots(), featureCount(), labels(),
        settings.get(HIDDEN), settings.get(MESSAGE_WIDTH), settings.get(MESSAGE_LAYERS)), settings);
  }

  /** The model's {@link DeqFlops}, once the network is built. */
  DeqFlops flops() {
    return DeqFlops.of(GraphNetworkFlops.onGraph(graph(), labels(), settings.get(HIDDEN), settings.get(MESSAGE_WIDTH),
        settings.get(MESSAGE_LAYERS)), settings);
  }

  @Override
  public OptionalInt trainedIterations() {
    return OptionalInt.of(settings.get(SOLVER_CAP));
  }

  @Override
  protected int unrolledSteps() {
    return settings.get(GRADIENT_STEPS);
  }

  /**
   * The labels at {@code state} (the solver's {@code [B, N, H]} of one seed) into {@code outputs},
   * and the residuals into {@code residualsOut}.
   */
  private void readOut(LabelingDataset data, int[] examples, NDArray state, int[][] outputs, float[] residual,
      double[] residualsOut) {
    try (NDManager scope = state.getManager().newSubManager()) {
      state.tempAttach(scope);
      readOut(data, examples, state.expandDims(0), outputs);
    }
    for (int b = 0; b < examples.length; b++) {
      residualsOut[examples[b]] = residual[b];
    }
  }

  /** As the shared graph's read-out, for a batch of graphs per example: padding nodes dropped. */
  private void readOut(GraphLabelingDataset data, int[] examples, GraphBatch batch, NDArray state, int[][] outputs,
      float[] residual, double[] residualsOut) {
    try (NDManager scope = state.getManager().newSubManager()) {
      state.tempAttach(scope);
      readOut(data, examples, batch, state.expandDims(0), outputs);
    }
    for (int b = 0; b < examples.length; b++) {
      residualsOut[examples[b]] = residual[b];
    }
  }
}
