package dev.reckon.plugins.deq;

import static dev.reckon.graphnets.SettingChecks.atLeast;
import static dev.reckon.graphnets.SettingChecks.notNegative;
import static dev.reckon.graphnets.SettingChecks.positive;

import dev.reckon.api.Config;
import dev.reckon.graphnets.FlatJson;
import dev.reckon.graphnets.ReadoutIterations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deq-gnn's settings, read from its resolved config; {@link DeqGnnFactory#settings()} declares
 * them with their defaults, per variant.
 *
 * @param hidden node state and feature size ({@code hidden})
 * @param messageWidth the message MLP's hidden layer size ({@code messageWidth})
 * @param messageLayers the message MLP's linear layers ({@code messageLayers})
 * @param andersonMemory Anderson acceleration's history, 0 for plain fixed-point iteration
 *     ({@code andersonMemory})
 * @param solverCap the most evaluations of f per solve in training ({@code solverCap})
 * @param tolerance the relative residual at which the solver stops ({@code tolerance})
 * @param gradientSteps k, the steps of f unrolled from the detached fixed point that the gradient
 *     flows through, the phantom gradient ({@code gradientSteps})
 * @param jacobianPenalty the weight of the Jacobian penalty {@code |J|_F^2 / dim} at the fixed
 *     point, 0 for none ({@code jacobianPenalty})
 * @param updates optimiser updates ({@code updates})
 * @param batchSize puzzles per update ({@code batchSize})
 * @param learningRate Adam's step size at the start ({@code learningRate})
 * @param finalLearningRate the step size the cosine schedule reaches at the last update
 *     ({@code finalLearningRate})
 * @param logEvery updates between two loss points of the training curve ({@code logEvery})
 * @param evalEvery updates between two training-batch accuracy points, and spectral-norm
 *     estimates ({@code evalEvery})
 * @param maxEvalIterations the largest solver cap at evaluation ({@code maxEvalIterations})
 * @param evalBatchSize puzzles per batch at evaluation ({@code evalBatchSize})
 */
public record DeqSettings(
    int hidden,
    int messageWidth,
    int messageLayers,
    int andersonMemory,
    int solverCap,
    double tolerance,
    int gradientSteps,
    double jacobianPenalty,
    int updates,
    int batchSize,
    double learningRate,
    double finalLearningRate,
    int logEvery,
    int evalEvery,
    int maxEvalIterations,
    int evalBatchSize) {

  public DeqSettings {
    positive("hidden", hidden);
    positive("messageWidth", messageWidth);
    positive("solverCap", solverCap);
    positive("gradientSteps", gradientSteps);
    positive("updates", updates);
    positive("batchSize", batchSize);
    positive("logEvery", logEvery);
    positive("evalEvery", evalEvery);
    positive("maxEvalIterations", maxEvalIterations);
    positive("evalBatchSize", evalBatchSize);
    atLeast("messageLayers", messageLayers, 2);
    notNegative("andersonMemory", andersonMemory);
    positive("tolerance", tolerance);
    notNegative("jacobianPenalty", jacobianPenalty);
    positive("learningRate", learningRate);
    positive("finalLearningRate", finalLearningRate);
  }

  /**
   * The settings in {@code config}, resolved against {@link DeqGnnFactory#settings()} or read from
   * a checkpoint: every setting has a value but those whose default derives from others.
   */
  public static DeqSettings from(Config config) {
    int hidden = config.getInt("hidden");
    double learningRate = config.getDouble("learningRate");
    return new DeqSettings(
        hidden,
        config.getInt("messageWidth", hidden),
        config.getInt("messageLayers"),
        config.getInt("andersonMemory"),
        config.getInt("solverCap"),
        config.getDouble("tolerance"),
        config.getInt("gradientSteps"),
        config.getDouble("jacobianPenalty"),
        config.getInt("updates"),
        config.getInt("batchSize"),
        learningRate,
        config.getDouble("finalLearningRate", learningRate / 20),
        config.getInt("logEvery"),
        config.getInt("evalEvery"),
        config.getInt("maxEvalIterations"),
        config.getInt("evalBatchSize"));
  }

  /** The solver used in training. */
  public FixedPointSolver trainingSolver() {
    return new FixedPointSolver(andersonMemory, solverCap, tolerance);
  }

  /** The solver caps read out at evaluation: see {@link ReadoutIterations#upTo}. */
  public int[] readoutIterations() {
    return ReadoutIterations.upTo(solverCap, maxEvalIterations);
  }

  /** The settings as a flat JSON object, names as in the suite's config. */
  public String toJson() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("hidden", hidden);
    map.put("messageWidth", messageWidth);
    map.put("messageLayers", messageLayers);
    map.put("andersonMemory", andersonMemory);
    map.put("solverCap", solverCap);
    map.put("tolerance", tolerance);
    map.put("gradientSteps", gradientSteps);
    map.put("jacobianPenalty", jacobianPenalty);
    map.put("updates", updates);
    map.put("batchSize", batchSize);
    map.put("learningRate", learningRate);
    map.put("finalLearningRate", finalLearningRate);
    map.put("logEvery", logEvery);
    map.put("evalEvery", evalEvery);
    map.put("maxEvalIterations", maxEvalIterations);
    map.put("evalBatchSize", evalBatchSize);
    return FlatJson.write(map);
  }

  /** Reads what {@link #toJson} wrote. */
  public static DeqSettings fromJson(String json) {
    return from(FlatJson.read(json));
  }
}
