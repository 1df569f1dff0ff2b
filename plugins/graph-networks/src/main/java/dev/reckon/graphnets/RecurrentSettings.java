package dev.reckon.graphnets;

import static dev.reckon.graphnets.SettingChecks.atLeast;
import static dev.reckon.graphnets.SettingChecks.positive;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a recurrent relational network and its training (the rrn's, and the learned
 * adjacency's network), read from a resolved config; {@link #DECLARED} declares them with their
 * defaults.
 *
 * @param hidden node state and feature size ({@code hidden})
 * @param messageWidth the message MLP's hidden layer size ({@code messageWidth})
 * @param messageLayers the message MLP's linear layers ({@code messageLayers})
 * @param steps T, the steps unrolled in training ({@code steps})
 * @param updates optimiser updates ({@code updates})
 * @param batchSize puzzles per update ({@code batchSize})
 * @param learningRate Adam's step size at the start ({@code learningRate})
 * @param finalLearningRate the step size the cosine schedule reaches at the last update
 *     ({@code finalLearningRate})
 * @param logEvery updates between two loss points of the training curve ({@code logEvery})
 * @param evalEvery updates between two training-batch accuracy points ({@code evalEvery})
 * @param maxEvalIterations the most steps run at evaluation ({@code maxEvalIterations})
 * @param evalBatchSize puzzles per batch at evaluation ({@code evalBatchSize})
 */
public record RecurrentSettings(
    int hidden,
    int messageWidth,
    int messageLayers,
    int steps,
    int updates,
    int batchSize,
    double learningRate,
    double finalLearningRate,
    int logEvery,
    int evalEvery,
    int maxEvalIterations,
    int evalBatchSize) {
  /** The settings {@link #from} reads; the defaults are the CPU scale. */
  public static final List<Setting> DECLARED = GraphNetworkSettings.of(GraphNetworkSettings.NETWORK, List.of(
      Setting.integer("steps", 8, "T, the steps unrolled in training")), GraphNetworkSettings.SCHEDULE, List.of(
      Setting.integer("evalEvery", 50, "updates between two training-batch accuracy points"),
      Setting.integer("maxEvalIterations", null, "the most steps run at evaluation; default 4 x steps"),
      Setting.integer("evalBatchSize", 256, "puzzles per batch at evaluation")));

  public RecurrentSettings {
    positive("hidden", hidden);
    positive("messageWidth", messageWidth);
    positive("steps", steps);
    positive("updates", updates);
    positive("batchSize", batchSize);
    positive("logEvery", logEvery);
    positive("evalEvery", evalEvery);
    positive("maxEvalIterations", maxEvalIterations);
    positive("evalBatchSize", evalBatchSize);
    atLeast("messageLayers", messageLayers, 2);
    positive("learningRate", learningRate);
    positive("finalLearningRate", finalLearningRate);
  }

  /**
   * The settings in {@code config}, resolved against {@link #DECLARED} or read
   * from a checkpoint: every setting has a value but those whose default derives from others.
   */
  public static RecurrentSettings from(Config config) {
    int hidden = config.getInt("hidden");
    int steps = config.getInt("steps");
    double learningRate = config.getDouble("learningRate");
    return new RecurrentSettings(
        hidden,
        config.getInt("messageWidth", hidden),
        config.getInt("messageLayers"),
        steps,
        config.getInt("updates"),
        config.getInt("batchSize"),
        learningRate,
        config.getDouble("finalLearningRate", learningRate / 20),
        config.getInt("logEvery"),
        config.getInt("evalEvery"),
        config.getInt("maxEvalIterations", 4 * steps),
        config.getInt("evalBatchSize"));
  }

  /** The step counts read out at evaluation: see {@link ReadoutIterations#upTo}. */
  public int[] readoutIterations() {
    return ReadoutIterations.upTo(steps, maxEvalIterations);
  }

  /** The settings as a flat JSON object, names as in the suite's config. */
  public String toJson() {
    return FlatJson.write(asMap());
  }

  /** Reads what {@link #toJson} wrote. */
  public static RecurrentSettings fromJson(String json) {
    return from(FlatJson.read(json));
  }

  /** The settings by their names in a suite's config. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("hidden", hidden);
    map.put("messageWidth", messageWidth);
    map.put("messageLayers", messageLayers);
    map.put("steps", steps);
    map.put("updates", updates);
    map.put("batchSize", batchSize);
    map.put("learningRate", learningRate);
    map.put("finalLearningRate", finalLearningRate);
    map.put("logEvery", logEvery);
    map.put("evalEvery", evalEvery);
    map.put("maxEvalIterations", maxEvalIterations);
    map.put("evalBatchSize", evalBatchSize);
    return map;
  }
}
