package dev.reckon.plugins.retrieval;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * Draws training batches: the examples in shuffled passes, each paired with one positive key drawn
 * uniformly from its answer, anew every time the example is used.
 */
final class TrainingSampler {
  private final int[][] answers;
  private final SplittableRandom random;
  private final int[] order;
  private int next;

  TrainingSampler(int[][] answers, SplittableRandom random) {
    this.answers = requireNonNull(answers, "answers is null");
    this.random = requireNonNull(random, "random is null");
    for (int example = 0; example < answers.length; example++) {
      if (answers[example] == null || answers[example].length == 0) {
        throw new IllegalArgumentException("training example " + example + " has an empty answer");
      }
    }
    order = new int[answers.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    next = order.length;
  }

  /** One batch of {@code size} examples and their drawn positive keys. */
  TrainingBatch next(int size) {
    int[] examples = new int[size];
    int[] positives = new int[size];
    for (int i = 0; i < size; i++) {
      if (next == order.length) {
        shuffle();
      }
      int example = order[next++];
      int[] answer = answers[example];
      examples[i] = example;
      positives[i] = answer[random.nextInt(answer.length)];
    }
    return new TrainingBatch(examples, positives);
  }

  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    next = 0;
  }

  /**
   * @param examples {@code [B]} example indices
   * @param positives {@code [B]} the key drawn from each example's answer
   */
  record TrainingBatch(int[] examples, int[] positives) {}
}
