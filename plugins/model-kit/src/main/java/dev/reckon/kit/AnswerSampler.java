package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * Training batches of examples that have several right answers (a retrieval query's keys): the
 * examples in a {@link BatchSampler}'s shuffled passes, each paired with one of its answers drawn
 * uniformly, anew every time the example is used. One generator shuffles and draws, in turn, example
 * by example.
 */
public final class AnswerSampler {
  private final int[][] answers;
  private final SplittableRandom random;
  private final BatchSampler examples;
  private final int batchSize;

  /**
   * @param answers each example's right answers, none empty
   * @param batchSize examples per batch
   * @param random the generator that shuffles and draws
   */
  public AnswerSampler(int[][] answers, int batchSize, SplittableRandom random) {
    this.answers = requireNonNull(answers, "answers is null");
    this.random = requireNonNull(random, "random is null");
    for (int example = 0; example < answers.length; example++) {
      if (answers[example] == null || answers[example].length == 0) {
        throw new IllegalArgumentException("training example " + example + " has an empty answer");
      }
    }
    this.examples = new BatchSampler(answers.length, batchSize, random);
    this.batchSize = batchSize;
  }

  /** The next batch of examples and the answer drawn for each. */
  public Batch next() {
    int[] batch = new int[batchSize];
    int[] drawn = new int[batchSize];
    for (int i = 0; i < batchSize; i++) {
      int example = examples.nextExample();
      int[] answer = answers[example];
      batch[i] = example;
      drawn[i] = answer[random.nextInt(answer.length)];
    }
    return new Batch(batch, drawn);
  }

  /**
   * @param examples {@code [B]} example indices
   * @param answers {@code [B]} the answer drawn for each example
   */
  public record Batch(int[] examples, int[] answers) {}
}
