package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An output sequence for every example at each iteration count, and optionally the model's
 * probability of each target token (teacher-forced), from which a task computes a per-token
 * cross-entropy.
 *
 * @param iterations strictly ascending iteration counts
 * @param tokens {@code [iteration index][example][position]}: tokens in {@code 0..vocabulary-1}
 * @param targetProbabilities {@code [iteration index][example][position]}: the probability the
 *     model gave the answer's token at each position, or {@code null} when it gives none
 * @param measurements what the model measured of itself while predicting
 */
public record SequencePredictions(int[] iterations, int[][][] tokens, float[][][] targetProbabilities,
    List<Score> measurements) implements Predictions {
  public SequencePredictions {
    requireNonNull(iterations, "iterations is null");
    requireNonNull(tokens, "tokens is null");
    measurements = List.copyOf(measurements);
  }

  /** Predicted tokens only. */
  public SequencePredictions(int[] iterations, int[][][] tokens) {
    this(iterations, tokens, null, List.of());
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
  }
}
