package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An output sequence for every example at each iteration count, and optionally the model's
 * probabilities of the tokens at each output position, from which a task computes a per-token
 * cross-entropy of the answer.
 *
 * @param iterations strictly ascending iteration counts
 * @param tokens {@code [iteration index][example][position]}: tokens in {@code 0..vocabulary-1}
 * @param targetProbabilities {@code [iteration index][example][position]}: the probability the
 *     model gave the answer's token at each position, or {@code null}. Only a model shown the
 *     answers could fill it, and {@code predict} never is: give {@code tokenProbabilities} instead
 *     (api 2 keeps this component so that compiled plugins keep working)
 * @param measurements what the model measured of itself while predicting
 * @param tokenProbabilities {@code [iteration index][example][position][token]}: the model's
 *     probability of every token at each output position it gives one for (at most the task's
 *     longest answer, each row {@code vocabulary} long and summing to at most 1: a model may keep
 *     some for "the answer ends here"), or {@code null}
 */
public record SequencePredictions(int[] iterations, int[][][] tokens, float[][][] targetProbabilities,
    List<Score> measurements, float[][][][] tokenProbabilities) implements Predictions {
  /** How far a row of token probabilities may sum above 1 by float rounding. */
  private static final double SUM_ROUNDING = 1e-3;

  public SequencePredictions {
    requireNonNull(iterations, "iterations is null");
    requireNonNull(tokens, "tokens is null");
    measurements = List.copyOf(measurements);
  }

  /** Predicted tokens only. */
  public SequencePredictions(int[] iterations, int[][][] tokens) {
    this(iterations, tokens, null, List.of(), null);
  }

  /** The constructor of api 2's first release: no token probabilities. */
  public SequencePredictions(int[] iterations, int[][][] tokens, float[][][] targetProbabilities,
      List<Score> measurements) {
    this(iterations, tokens, targetProbabilities, measurements, null);
  }

  /** Tokens with the probabilities of every token at each position, and measurements. */
  public static SequencePredictions withProbabilities(int[] iterations, int[][][] tokens,
      float[][][][] tokenProbabilities, List<Score> measurements) {
    return new SequencePredictions(iterations, tokens, null, measurements, requireNonNull(tokenProbabilities,
        "tokenProbabilities is null"));
  }

  void requireTokens(int examples, int vocabulary, int maxLength) {
    Shapes.requireBlocks(tokens, iterations, examples, "sequences");
    for (int i = 0; i < tokens.length; i++) {
      for (int example = 0; example < examples; example++) {
        int[] output = tokens[i][example];
        if (output == null || output.length > maxLength) {
          throw Shapes.at(output == null ? "no sequence" : "a sequence of " + output.length
              + " tokens, longer than the task's " + maxLength, example, iterations[i]);
        }
        for (int position = 0; position < output.length; position++) {
          if (output[position] < 0 || output[position] >= vocabulary) {
            throw Shapes.at("token " + output[position] + " at position " + position + " is outside 0.."
                + (vocabulary - 1), example, iterations[i]);
          }
        }
      }
    }
    if (targetProbabilities != null) {
      Shapes.requireBlocks(targetProbabilities, iterations, examples, "target probabilities");
      for (int i = 0; i < targetProbabilities.length; i++) {
        for (int example = 0; example < examples; example++) {
          float[] probabilities = targetProbabilities[i][example];
          for (int position = 0; probabilities != null && position < probabilities.length; position++) {
            float p = probabilities[position];
            if (!(p >= 0 && p <= 1)) {
              throw Shapes.at("probability " + p + " at position " + position + " is outside [0, 1]", example,
                  iterations[i]);
            }
          }
        }
      }
    }
    if (tokenProbabilities != null) {
      Shapes.requireBlocks(tokenProbabilities, iterations, examples, "token probabilities");
      for (int i = 0; i < tokenProbabilities.length; i++) {
        for (int example = 0; example < examples; example++) {
          requireDistributions(tokenProbabilities[i][example], vocabulary, maxLength, example, iterations[i]);
        }
      }
    }
  }

  private static void requireDistributions(float[][] positions, int vocabulary, int maxLength, int example,
      int iterations) {
    if (positions == null || positions.length > maxLength) {
      throw Shapes.at(positions == null ? "no token probabilities" : "token probabilities for " + positions.length
          + " positions, more than the task's " + maxLength, example, iterations);
    }
    for (int position = 0; position < positions.length; position++) {
      float[] row = positions[position];
      if (row == null || row.length != vocabulary) {
        throw Shapes.at("token probabilities at position " + position + " hold " + (row == null ? "nothing"
            : row.length + " values") + ", not one for each of the " + vocabulary + " tokens", example, iterations);
      }
      double sum = 0;
      for (float p : row) {
        if (!(p >= 0 && p <= 1)) {
          throw Shapes.at("token probability " + p + " at position " + position + " is outside [0, 1]", example,
              iterations);
        }
        sum += p;
      }
      if (sum > 1 + SUM_ROUNDING) {
        throw Shapes.at("token probabilities at position " + position + " sum to " + sum + ", above 1", example,
            iterations);
      }
    }
  }
}
