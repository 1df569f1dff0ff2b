package dev.reckon.graphnets;

import dev.reckon.kit.CosineDecay;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;
import dev.reckon.kit.Settings;
import dev.reckon.kit.Training;

/**
 * The settings every graph network shares, declared once: the size of the network and the
 * training schedule. Each model adds its own around them ({@link RecurrentSettings}, the DEQ's).
 */
public final class GraphNetworkSettings {
  private GraphNetworkSettings() {}

  public static final Declared<Integer> HIDDEN =
      Declared.integer("hidden", 64, "node state and feature size").positive();

  public static final Declared<Integer> MESSAGE_WIDTH = Declared.integer("messageWidth", s -> s.get(HIDDEN),
      "the message MLP's hidden layer size; default hidden").positive();

  public static final Declared<Integer> MESSAGE_LAYERS =
      Declared.integer("messageLayers", 2, "the message MLP's linear layers, at least 2").atLeast(2);

  public static final Declared<Integer> UPDATES = Training.UPDATES.withDefault(1500);

  public static final Declared<Integer> BATCH_SIZE = Training.BATCH_SIZE;

  /** Not the kit's: the schedule starts here and may rise as well as decay ({@link CosineDecay}). */
  public static final Declared<Double> LEARNING_RATE =
      Declared.number("learningRate", 0.002, "Adam's step size at the start").positive();

  public static final Declared<Double> FINAL_LEARNING_RATE = Declared.number("finalLearningRate",
      s -> s.get(LEARNING_RATE) / 20,
      "the step size the cosine schedule reaches at the last update; default learningRate / 20").positive();

  public static final Declared<Integer> LOG_EVERY = Training.LOG_EVERY;

  public static final Declared<Integer> EVAL_BATCH_SIZE = Training.EVAL_BATCH_SIZE;

  /** Node state size and the message MLP's shape. */
  public static final Declarations NETWORK = Declarations.of(HIDDEN, MESSAGE_WIDTH, MESSAGE_LAYERS);

  /** Updates, batches, the step size's cosine schedule and how often the curves get a point. */
  public static final Declarations SCHEDULE =
      Declarations.of(UPDATES, BATCH_SIZE, LEARNING_RATE, FINAL_LEARNING_RATE, LOG_EVERY);

  /**
   * The step size on a cosine from learningRate to finalLearningRate over the updates. It decays
   * because a constant one let generalisation drift: trained on 6x6 puzzles with 16 blanks,
   * accuracy on minimal puzzles at 4T fell from 52% after 800 updates to 38% after 2500 at a
   * constant 0.002, and held at 47% and 48% after 800 and 1500 with the decay.
   */
  public static CosineDecay schedule(Settings settings) {
    return new CosineDecay(settings.get(LEARNING_RATE), settings.get(FINAL_LEARNING_RATE), settings.get(UPDATES));
  }
}
