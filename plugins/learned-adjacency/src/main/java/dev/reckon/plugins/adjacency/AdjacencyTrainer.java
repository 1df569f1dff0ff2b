package dev.reckon.plugins.adjacency;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import dev.reckon.api.UpdateMemory;
import dev.reckon.graphnets.GraphNetworkSettings;
import dev.reckon.graphnets.RecurrentRelationalNetwork;
import dev.reckon.graphnets.SampledNeighbours;
import dev.reckon.graphnets.SeedLosses;
import dev.reckon.kit.EngineScalar;
import dev.reckon.kit.Gradients;
import dev.reckon.kit.Optimisers;
import dev.reckon.kit.PuzzleBatch;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.Settings;
import java.util.Arrays;

/**
 * Optimiser updates of the learned-adjacency model. Each draws a graph for the batch from the
 * sampler, runs the message-passing network on it for T steps and minimises
 *
 * <pre>
 *   loss = mean over examples of L_b  +  mean over examples of (L_b - baseline_b) log p(graph_b)
 * </pre>
 *
 * where {@code L_b} is example b's cross-entropy on its blanks averaged over the steps (the rrn's
 * loss, which reaches the message-passing network) and the second term is the score-function
 * surrogate, which reaches the sampler: drawing is not differentiable, so the sampler learns to
 * make the graphs that gave a low loss likelier (REINFORCE). {@code (L_b - baseline_b)} is a
 * constant to the gradient. Each puzzle is in the batch {@code draws} times, each time with a
 * graph drawn of its own, and the baseline of an example is the mean loss of the other draws of
 * the same puzzle (leave one out, Kool et al. 2019, "Buy 4 REINFORCE samples, get a baseline for
 * free"): it needs no state, keeps the estimator unbiased (it does not depend on the example's
 * own draw), and compares graphs on the same puzzle, so that how hard a puzzle is no longer
 * passes for how good its graph was. With one draw a puzzle and the other puzzles of the batch as
 * the baseline, the puzzles' difficulty drowned the graph's effect: on 4x4 sudoku the drawn
 * graph's precision stayed at chance (0.46 after 300 updates, 7/15 by chance). The spread of
 * {@code L_b - baseline_b} is reported to show the variance left.
 *
 * <p>The loss also rewards the head's entropy (its mean over nodes, weighted by {@code
 * entropyBonus}): without it the head grew sure of its first choices within 250 updates (entropy
 * 0.23 nats of 2.7) and kept a graph of precision 0.60 from then on; with a weight of 0.1 it kept
 * exploring (entropy 2.35 after 600 updates) and reached 0.69 after 600 updates and 0.82 after
 * 1500 (4x4 sudoku, 7 neighbours a node). Both parts share one Adam and its cosine schedule.
 *
 * <p>A network of K seeds ({@link SeedAxis}) takes their K batches at once: each seed's graphs are
 * drawn from its own noise ({@link GumbelNoise}), its baselines, loss and surrogate are its own, and
 * its weights, the sampler's among them, step by its own gradient ({@link Gradients#stepPerSeed},
 * unclipped).
 */
public final class AdjacencyTrainer {
  private final RecurrentRelationalNetwork network;
  private final SampledNeighbours neighbours;
  private final AdjacencySampler sampler;
  private final ParameterStore parameterStore;
  private final Optimizer optimizer;
  private final GumbelNoise noise;
  private final int k;
  private final int draws;
  private final float entropyBonus;

  /**
   * @param network the message-passing network, reading its graph from {@code neighbours}, with
   *     {@code sampler} among its blocks
   * @param sampler the sampler, initialised
   * @param settings the graph network's settings: the step size's schedule over the updates
   * @param seeds the network's seeds, whose generators draw the graphs
   * @param k the neighbours drawn a node
   * @param draws the graphs drawn for each puzzle of a batch, which holds each puzzle that many times
   *     in a row
   * @param entropyBonus the weight of the head's entropy, subtracted from the loss
   */
  public AdjacencyTrainer(RecurrentRelationalNetwork network, SampledNeighbours neighbours, AdjacencySampler sampler,
      ParameterStore parameterStore, Settings settings, SeedAxis seeds, int k, int draws, double entropyBonus) {
    this.network = requireNonNull(network, "network is null");
    this.neighbours = requireNonNull(neighbours, "neighbours is null");
    this.sampler = requireNonNull(sampler, "sampler is null");
    this.parameterStore = requireNonNull(parameterStore, "parameterStore is null");
    this.optimizer = Optimisers.adam(GraphNetworkSettings.schedule(settings));
    this.noise = new GumbelNoise(seeds);
    this.k = k;
    this.draws = draws;
    this.entropyBonus = (float) entropyBonus;
  }

  /**
   * What an update leaves for the training curves, its arrays owned by the batch's manager.
   *
   * @param loss each seed's loss before the update, {@code [K]}
   * @param lastLogits the last step's logits {@code [K, batch, nodes, labels]}
   * @param scores the sampler's scores {@code [K, batch, nodes, nodes]}
   * @param entropy each seed's attention head's mean entropy per node, in nats, {@code [K]}
   * @param advantageSpread each seed's standard deviation of {@code L_b - baseline_b} over its batch
   * @param memoryMegabytes the arrays alive in the batch's manager at the loss (see {@link UpdateMemory})
   */
  public record Update(NDArray loss, NDArray lastLogits, NDArray scores, NDArray entropy, double[] advantageSpread,
      double memoryMegabytes) {}

  /** One update on {@code batch}, its arrays {@code [K, batch, nodes]}: seed k's examples in slice k. */
  public Update update(PuzzleBatch batch) {
    NDManager scope = batch.givens().getManager();
    NDArray loss;
    NDList logits;
    NDArray scores;
    NDArray entropy;
    double[] spreads;
    double memory;
    try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
      scores = sampler.forward(parameterStore, new NDList(batch.givens()), true).singletonOrThrow();
      NeighbourDraw draw = NeighbourDraw.sample(scores, k, noise);
      neighbours.use(NeighbourDraw.asOneBatch(draw.neighbours()));
      logits = network.forward(parameterStore, new NDList(batch.givens()), true);
      NDArray perExample = SeedLosses.perExample(batch.targets(), batch.blanks(), logits);
      Advantages advantages = Advantages.of(perExample, draws);
      spreads = advantages.spreads();
      // An array the engine keeps while autograd needs it (see EngineScalar).
      NDArray weights = scope.create(advantages.values(), perExample.getShape());
      entropy = NeighbourDraw.entropy(scores);
      loss = perExample.mean(new int[] {1}).add(weights.mul(draw.logProbability()).mean(new int[] {1}))
          .sub(entropy.mul(EngineScalar.of(scope, entropyBonus)));
      memory = UpdateMemory.megabytes(scope);
      collector.backward(loss.sum());
    }
    Gradients.stepPerSeed(network, optimizer, 0, scope);
    return new Update(loss, logits.get(logits.size() - 1), scores, entropy, spreads, memory);
  }

  /**
   * {@code loss_b - mean of the losses of the other draws of the same puzzle}, for each example
   * {@code b}; the batch holds each puzzle {@code draws} times in a row.
   */
  static double[] leaveOneOut(double[] losses, int draws) {
    double[] advantages = new double[losses.length];
    for (int first = 0; first < losses.length; first += draws) {
      int end = Math.min(first + draws, losses.length);
      double sum = 0;
      for (int b = first; b < end; b++) {
        sum += losses[b];
      }
      for (int b = first; b < end; b++) {
        advantages[b] = end - first == 1 ? 0 : losses[b] - (sum - losses[b]) / (end - first - 1);
      }
    }
    return advantages;
  }

  /**
   * Each seed's {@link #leaveOneOut} advantages, {@code [K * batch]} in the order of the examples'
   * losses {@code [K, batch]}, and their standard deviation over each seed's batch.
   */
  private record Advantages(float[] values, double[] spreads) {
    static Advantages of(NDArray perExample, int draws) {
      int seeds = (int) perExample.getShape().get(0);
      int examples = (int) perExample.getShape().get(1);
      double[] losses = perExample.stopGradient().toType(DataType.FLOAT64, false).toDoubleArray();
      float[] values = new float[losses.length];
      double[] spreads = new double[seeds];
      for (int seed = 0; seed < seeds; seed++) {
        double[] own = leaveOneOut(Arrays.copyOfRange(losses, seed * examples, (seed + 1) * examples), draws);
        for (int b = 0; b < examples; b++) {
          values[seed * examples + b] = (float) own[b];
        }
        spreads[seed] = standardDeviation(own);
      }
      return new Advantages(values, spreads);
    }
  }

  private static double standardDeviation(double[] values) {
    double mean = 0;
    for (double value : values) {
      mean += value / values.length;
    }
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean) / values.length;
    }
    return Math.sqrt(squares);
  }
}
