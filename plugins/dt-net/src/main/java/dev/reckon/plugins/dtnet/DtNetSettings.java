package dev.reckon.plugins.dtnet;

import static dev.reckon.graphnets.SettingChecks.notNegative;
import static dev.reckon.graphnets.SettingChecks.positive;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import dev.reckon.graphnets.FlatJson;
import dev.reckon.graphnets.ReadoutIterations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The settings of a deep thinking network and its training, read from a resolved config; each
 * variant's factory declares them with {@link #declare}, and the variant fixes {@code recall}.
 *
 * @param recall whether the input is concatenated to the state before every pass (the variant's)
 * @param width the state's channels ({@code width})
 * @param trainedIterations m, the passes of the recurrent block in training ({@code trainedIterations})
 * @param maxIterations the most passes at evaluation ({@code maxIterations})
 * @param alpha the progressive loss's weight against the loss after m passes ({@code alpha})
 * @param updates optimiser updates ({@code updates})
 * @param batchSize grids per update ({@code batchSize})
 * @param learningRate Adam's peak step size ({@code learningRate})
 * @param warmup updates of linear warm-up before the cosine decay ({@code warmup})
 * @param clip the largest norm of the whole gradient; 0 leaves it unclipped ({@code clip})
 * @param weightDecay Adam's weight decay ({@code weightDecay})
 * @param logEvery updates between two loss points of the training curve ({@code logEvery})
 * @param evalEvery updates between two training-batch accuracy points ({@code evalEvery})
 * @param evalBatchSize grids a batch at evaluation ({@code evalBatchSize})
 */
record DtNetSettings(
    boolean recall,
    int width,
    int trainedIterations,
    int maxIterations,
    double alpha,
    int updates,
    int batchSize,
    double learningRate,
    int warmup,
    double clip,
    double weightDecay,
    int logEvery,
    int evalEvery,
    int evalBatchSize) {

  DtNetSettings {
    positive("width", width);
    positive("trainedIterations", trainedIterations);
    positive("maxIterations", maxIterations);
    positive("updates", updates);
    positive("batchSize", batchSize);
    positive("learningRate", learningRate);
    notNegative("warmup", warmup);
    notNegative("clip", clip);
    notNegative("weightDecay", weightDecay);
    positive("logEvery", logEvery);
    positive("evalEvery", evalEvery);
    positive("evalBatchSize", evalBatchSize);
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("setting 'alpha' is " + alpha + "; expected a number from 0 to 1");
    }
  }

  /** The settings of a variant, {@code alpha} at its default. */
  static List<Setting> declare(double alpha) {
    return List.of(
        Setting.integer("width", 16, "the state's channels"),
        Setting.integer("trainedIterations", 8, "m: passes of the weight-tied recurrent block in training"),
        Setting.integer("maxIterations", null, "the most passes at evaluation; default 8 x trainedIterations"),
        Setting.number("alpha", alpha, "weight of the progressive loss (n passes without gradients, then k with)"
            + " against the loss after m passes, 0 to 1"),
        Setting.integer("updates", 300, "optimiser updates"),
        Setting.integer("batchSize", 32, "grids per update"),
        Setting.number("learningRate", 0.005, "Adam's peak step size"),
        Setting.integer("warmup", 20, "updates of linear warm-up before the cosine decay"),
        Setting.number("clip", 1.0, "the largest norm of the whole gradient; 0 leaves it unclipped"),
        Setting.number("weightDecay", 2e-4, "Adam's weight decay"),
        Setting.integer("logEvery", 10, "updates between two loss points of the training curve"),
        Setting.integer("evalEvery", 50, "updates between two training-batch accuracy points"),
        Setting.integer("evalBatchSize", 100, "grids a batch at evaluation"));
  }

  /** The settings in {@code config} (resolved against {@link #declare}, or a checkpoint's). */
  static DtNetSettings from(Config config, boolean recall) {
    int trainedIterations = config.getInt("trainedIterations");
    return new DtNetSettings(
        recall,
        config.getInt("width"),
        trainedIterations,
        config.getInt("maxIterations", 8 * trainedIterations),
        config.getDouble("alpha"),
        config.getInt("updates"),
        config.getInt("batchSize"),
        config.getDouble("learningRate"),
        config.getInt("warmup"),
        config.getDouble("clip"),
        config.getDouble("weightDecay"),
        config.getInt("logEvery"),
        config.getInt("evalEvery"),
        config.getInt("evalBatchSize"));
  }

  /**
   * The pass counts read out at evaluation: those of {@link ReadoutIterations#upTo} (1, the powers
   * of two, m, 2m, 4m, the most) and every other multiple of m, so that a curve that peaks near m
   * and falls after it is drawn in full.
   */
  int[] readoutIterations() {
    TreeSet<Integer> counts = new TreeSet<>();
    for (int count : ReadoutIterations.upTo(trainedIterations, maxIterations)) {
      counts.add(count);
    }
    for (int count = trainedIterations; count <= maxIterations; count += trainedIterations) {
      counts.add(count);
    }
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The settings as flat JSON, names as in a suite's config, with the variant's {@code recall}. */
  String toJson() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("recall", recall);
    map.put("width", width);
    map.put("trainedIterations", trainedIterations);
    map.put("maxIterations", maxIterations);
    map.put("alpha", alpha);
    map.put("updates", updates);
    map.put("batchSize", batchSize);
    map.put("learningRate", learningRate);
    map.put("warmup", warmup);
    map.put("clip", clip);
    map.put("weightDecay", weightDecay);
    map.put("logEvery", logEvery);
    map.put("evalEvery", evalEvery);
    map.put("evalBatchSize", evalBatchSize);
    return FlatJson.write(map);
  }

  /** Reads what {@link #toJson} wrote. */
  static DtNetSettings fromJson(String json) {
    Config config = FlatJson.read(json);
    return from(config, config.getBoolean("recall"));
  }
}
