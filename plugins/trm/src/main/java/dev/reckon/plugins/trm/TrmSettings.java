package dev.reckon.plugins.trm;

import static dev.reckon.graphnets.SettingChecks.notNegative;
import static dev.reckon.graphnets.SettingChecks.positive;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import dev.reckon.graphnets.FlatJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a tiny recursive model and its training, read from a resolved config; {@link
 * #DECLARED} declares them with their defaults, the CPU scale (the paper's Sudoku scale is hidden
 * 512, expansion 3, latentSteps 6, recursions 3, supervisionSteps 16).
 *
 * <p>The CPU defaults run one recursion process a supervision step (T = 1), all of it with
 * gradients: in a few hundred updates the processes without gradients cost more than they give.
 * Measured on 6x6 sudoku (trained on 5000 b16 puzzles, hidden 32, N_sup 4, about 37 s of training
 * each): T = 2 with n = 3 for 400 updates solved 0.958 of b16 and 0.254 of minimal puzzles at 4
 * N_sup; T = 1 with n = 4 for 500 updates 0.992 and 0.372.
 *
 * @param hidden the size of x, y, z at every cell ({@code hidden})
 * @param layers the network's {@link MixerLayer}s ({@code layers})
 * @param expansion each gated feed-forward map's inner width, as a multiple of its width ({@code expansion})
 * @param latentSteps n, the latent updates of one recursion process ({@code latentSteps})
 * @param recursions T, the recursion processes of one supervision step ({@code recursions})
 * @param supervisionSteps N_sup, the supervision steps (optimiser updates) a training batch gets
 *     ({@code supervisionSteps})
 * @param maxSupervision the most supervision steps run at evaluation ({@code maxSupervision})
 * @param updates optimiser updates, one a supervision step, so a new batch every N_sup ({@code updates})
 * @param batchSize puzzles per batch ({@code batchSize})
 * @param learningRate AdamW's peak step size ({@code learningRate})
 * @param warmup updates of linear warm-up before the cosine decay ({@code warmup})
 * @param weightDecay AdamW's decoupled weight decay ({@code weightDecay})
 * @param logEvery updates between two loss points of the training curve ({@code logEvery})
 * @param evalEvery updates between two training-batch accuracy points ({@code evalEvery})
 * @param evalBatchSize puzzles per batch at evaluation ({@code evalBatchSize})
 */
public record TrmSettings(
    int hidden,
    int layers,
    int expansion,
    int latentSteps,
    int recursions,
    int supervisionSteps,
    int maxSupervision,
    int updates,
    int batchSize,
    double learningRate,
    int warmup,
    double weightDecay,
    int logEvery,
    int evalEvery,
    int evalBatchSize) {
  /** The settings {@link #from} reads; the defaults are the CPU scale. */
  public static final List<Setting> DECLARED = List.of(
      Setting.integer("hidden", 32, "the size of the input x, the answer y and the latent z at every cell"),
      Setting.integer("layers", 2, "the layers of the one tiny network"),
      Setting.integer("expansion", 2, "each gated feed-forward map's inner width, as a multiple of its width"),
      Setting.integer("latentSteps", 4, "n, the latent updates z <- net(x + y + z) of one recursion process"),
      Setting.integer("recursions", 1, "T, the recursion processes of one supervision step; all but the last run"
          + " without gradients"),
      Setting.integer("supervisionSteps", 4, "N_sup, the supervision steps (one optimiser update each) a training"
          + " batch gets, y and z carried from one to the next"),
      Setting.integer("maxSupervision", null, "the most supervision steps run at evaluation; default 4 x"
          + " supervisionSteps"),
      Setting.integer("updates", 500, "optimiser updates, one a supervision step"),
      Setting.integer("batchSize", 64, "puzzles per batch"),
      Setting.number("learningRate", 0.004, "AdamW's peak step size"),
      Setting.integer("warmup", 40, "updates of linear warm-up before the cosine decay to learningRate / 20"),
      Setting.number("weightDecay", 0.1, "AdamW's decoupled weight decay"),
      Setting.integer("logEvery", 10, "updates between two loss points of the training curve"),
      Setting.integer("evalEvery", 50, "updates between two training-batch accuracy points"),
      Setting.integer("evalBatchSize", 256, "puzzles per batch at evaluation"));

  public TrmSettings {
    positive("hidden", hidden);
    positive("layers", layers);
    positive("expansion", expansion);
    positive("latentSteps", latentSteps);
    positive("recursions", recursions);
    positive("supervisionSteps", supervisionSteps);
    positive("maxSupervision", maxSupervision);
    positive("updates", updates);
    positive("batchSize", batchSize);
    positive("learningRate", learningRate);
    notNegative("warmup", warmup);
    notNegative("weightDecay", weightDecay);
    positive("logEvery", logEvery);
    positive("evalEvery", evalEvery);
    positive("evalBatchSize", evalBatchSize);
  }

  /**
   * The settings in {@code config}, resolved against {@link #DECLARED} or read from a checkpoint:
   * every setting has a value but {@code maxSupervision} when it is left to its derived default.
   */
  public static TrmSettings from(Config config) {
    int supervisionSteps = config.getInt("supervisionSteps");
    return new TrmSettings(
        config.getInt("hidden"),
        config.getInt("layers"),
        config.getInt("expansion"),
        config.getInt("latentSteps"),
        config.getInt("recursions"),
        supervisionSteps,
        config.getInt("maxSupervision", 4 * supervisionSteps),
        config.getInt("updates"),
        config.getInt("batchSize"),
        config.getDouble("learningRate"),
        config.getInt("warmup"),
        config.getDouble("weightDecay"),
        config.getInt("logEvery"),
        config.getInt("evalEvery"),
        config.getInt("evalBatchSize"));
  }

  /** The settings as a flat JSON object, names as in the suite's config. */
  public String toJson() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("hidden", hidden);
    map.put("layers", layers);
    map.put("expansion", expansion);
    map.put("latentSteps", latentSteps);
    map.put("recursions", recursions);
    map.put("supervisionSteps", supervisionSteps);
    map.put("maxSupervision", maxSupervision);
    map.put("updates", updates);
    map.put("batchSize", batchSize);
    map.put("learningRate", learningRate);
    map.put("warmup", warmup);
    map.put("weightDecay", weightDecay);
    map.put("logEvery", logEvery);
    map.put("evalEvery", evalEvery);
    map.put("evalBatchSize", evalBatchSize);
    return FlatJson.write(map);
  }

  /** Reads what {@link #toJson} wrote. */
  public static TrmSettings fromJson(String json) {
    return from(FlatJson.read(json));
  }
}
