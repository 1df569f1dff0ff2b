package dev.reckon.plugins.transformers;

import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stand-in sequence task, built by hand until the real ones land: copy (or reverse) an input of
 * {@value #SHORTEST} to {@value #LONGEST} tokens over a vocabulary of {@value #VOCABULARY}.
 */
final class CopyTask implements Task {
  static final int VOCABULARY = 8;
  static final int SHORTEST = 4;
  static final int LONGEST = 6;
  static final SequenceFormat FORMAT = new SequenceFormat(VOCABULARY, LONGEST, LONGEST);

  private final boolean reverse;

  CopyTask(boolean reverse) {
    this.reverse = reverse;
  }

  /** The task as a plugin would offer it, for the conformance checks. */
  static TaskFactory factory(boolean reverse) {
    return new TaskFactory() {
      @Override
      public String id() {
        return reverse ? "reverse-fixture" : "copy-fixture";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public Task create(TaskContext context) {
        return new CopyTask(reverse);
      }
    };
  }

  /** {@code count} examples with answers, from {@code seed}. */
  SequenceDataset examples(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] inputs = new int[count][];
    int[][] targets = new int[count][];
    for (int example = 0; example < count; example++) {
      inputs[example] = random.ints(random.nextInt(SHORTEST, LONGEST + 1), 0, VOCABULARY).toArray();
      targets[example] = answer(inputs[example]);
    }
    return new SequenceDataset(VOCABULARY, LONGEST, inputs, targets);
  }

  private int[] answer(int[] input) {
    int[] answer = new int[input.length];
    for (int i = 0; i < input.length; i++) {
      answer[i] = input[reverse ? input.length - 1 - i : i];
    }
    return answer;
  }

  @Override
  public SequenceFormat format() {
    return FORMAT;
  }

  @Override
  public List<Level> levels() {
    return List.of(new Level("n4-6", LONGEST, "inputs of 4 to 6 tokens"));
  }

  @Override
  public List<Metric> metrics() {
    return List.of(new Metric("exact_accuracy", Direction.HIGHER_IS_BETTER, Metric.FRACTION, "answers exactly right"));
  }

  @Override
  public Dataset generate(Level level, int count, long seed) {
    return examples(count, seed);
  }

  @Override
  public List<Score> score(Dataset answers, Predictions predictions) {
    SequenceDataset data = (SequenceDataset) answers;
    SequencePredictions sequences = (SequencePredictions) predictions;
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < sequences.iterations().length; i++) {
      scores.add(Score.proportion("exact_accuracy", sequences.iterations()[i],
          exactlyRight(data, sequences.tokens()[i]), data.size()));
    }
    return scores;
  }

  static int exactlyRight(SequenceDataset data, int[][] outputs) {
    int right = 0;
    for (int example = 0; example < data.size(); example++) {
      right += Arrays.equals(data.targets()[example], outputs[example]) ? 1 : 0;
    }
    return right;
  }
}
