package dev.reckon.plugins.deq;

import static dev.reckon.plugins.rrn.SettingChecks.atLeast;
import static dev.reckon.plugins.rrn.SettingChecks.notNegative;
import static dev.reckon.plugins.rrn.SettingChecks.positive;

import dev.reckon.api.Config;
import dev.reckon.plugins.rrn.FlatJson;
import dev.reckon.plugins.rrn.ReadoutIterations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deq-gnn's settings, read from the suite's config; the defaults are the CPU scale.
 *
 * @param hidden node state and feature size ({@code hidden}, 64)
 * @param messageWidth the message MLP's hidden layer size ({@code messageWidth}, = hidden)
 * @param messageLayers the message MLP's linear layers ({@code messageLayers}, 2)
 * @param andersonMemory Anderson acceleration's history, 0 for plain fixed-point iteration
 *     ({@code andersonMemory}, 5)
 * @param solverCap the most evaluations of f per solve in training ({@code solverCap}, 16)
 * @param tolerance the relative residual at which the solver stops ({@code tolerance}, 0.001)
 * @param gradientSteps k, the steps of f unrolled from the detached fixed point that the gradient
 *     flows through, the phantom gradient ({@code gradientSteps}, 2)
 * @param jacobianPenalty the weight of the Jacobian penalty {@code |J|_F^2 / dim} at the fixed
 *     point, 0 for none ({@code jacobianPenalty}, 0; deq-gnn-stable 0.1)
 * @param updates optimiser updates ({@code updates}, 1500)
 * @param batchSize puzzles per update ({@code batchSize}, 64)
 * @param learningRate Adam's step size at the start ({@code learningRate}, 0.002)
 * @param finalLearningRate the step size the cosine schedule reaches at the last update
 *     ({@code finalLearningRate}, a twentieth of the start)
 * @param logEvery updates between two loss points of the training curve ({@code logEvery}, 10)
 * @param evalEvery updates between two training-batch accuracy points, and spectral-norm
 *     estimates ({@code evalEvery}, 50)
 * @param maxEvalIterations the largest solver cap at evaluation ({@code maxEvalIterations}, 64)
 * @param evalBatchSize puzzles per batch at evaluation ({@code evalBatchSize}, 256)
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

  /** The settings in {@code config}, each missing one at its default, the penalty at {@code penalty}. */
  public static DeqSettings from(Config config, double penalty) {
    int hidden = config.getInt("hidden", 64);
    double learningRate = config.getDouble("learningRate", 0.002);
    return new DeqSettings(
        hidden,
        config.getInt("messageWidth", hidden),
        config.getInt("messageLayers", 2),
        config.getInt("andersonMemory", 5),
        config.getInt("solverCap", 16),
        config.getDouble("tolerance", 1e-3),
        config.getInt("gradientSteps", 2),
        config.getDouble("jacobianPenalty", penalty),
        config.getInt("updates", 1500),
        config.getInt("batchSize", 64),
        learningRate,
        config.getDouble("finalLearningRate", learningRate / 20),
        config.getInt("logEvery", 10),
        config.getInt("evalEvery", 50),
        config.getInt("maxEvalIterations", 64),
        config.getInt("evalBatchSize", 256));
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
    Config config = FlatJson.read(json);
    return from(config, config.getDouble("jacobianPenalty", 0));
  }
}
