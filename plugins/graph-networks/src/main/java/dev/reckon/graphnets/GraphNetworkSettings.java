package dev.reckon.graphnets;

import dev.reckon.api.Setting;
import java.util.List;

/**
 * The settings every graph network shares, declared once: the size of the network and the
 * training schedule ({@link StepwiseTrainer}'s). Each model adds its own around them.
 */
public final class GraphNetworkSettings {
  private GraphNetworkSettings() {}

  /** Node state size and the message MLP's shape. */
  public static final List<Setting> NETWORK = List.of(
      Setting.integer("hidden", 64, "node state and feature size"),
      Setting.integer("messageWidth", null, "the message MLP's hidden layer size; default hidden"),
      Setting.integer("messageLayers", 2, "the message MLP's linear layers, at least 2"));

  /** Updates, batches, the step size's cosine schedule and how often the curves get a point. */
  public static final List<Setting> SCHEDULE = List.of(
      Setting.integer("updates", 1500, "optimiser updates"),
      Setting.integer("batchSize", 64, "puzzles per update"),
      Setting.number("learningRate", 0.002, "Adam's step size at the start"),
      Setting.number("finalLearningRate", null,
          "the step size the cosine schedule reaches at the last update; default learningRate / 20"),
      Setting.integer("logEvery", 10, "updates between two loss points of the training curve"));

  /** {@code lists} in order, as one declaration. */
  @SafeVarargs
  public static List<Setting> of(List<Setting>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
