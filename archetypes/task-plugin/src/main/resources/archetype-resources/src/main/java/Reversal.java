package ${package};

import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Token sequences to write backwards: the answer to {@code 3 1 4} is {@code 4 1 3}. Each level is
 * one length; a model is right on a sequence when every token is. The data of a level, a count and
 * a seed is always the same.
 */
final class Reversal implements Task {
  private static final List<Level> LEVELS = List.of(
      new Level("len4", 4, "sequences of 4 tokens"),
      new Level("len8", 8, "sequences of 8 tokens"),
      new Level("len16", 16, "sequences of 16 tokens"));
  private static final int LONGEST = 16;
  private static final String SEQUENCE_ACCURACY = "sequence_accuracy";
  private static final List<Metric> METRICS = List.of(
      new Metric(SEQUENCE_ACCURACY, Metric.Direction.HIGHER_IS_BETTER, Metric.FRACTION,
          "sequences reversed without a wrong token"));

  private final int vocabulary;

  Reversal(int vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  public SequenceFormat format() {
    return new SequenceFormat(vocabulary, LONGEST, LONGEST);
  }

  @Override
  public List<Level> levels() {
    return LEVELS;
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  @Override
  public Dataset generate(Level level, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int length = (int) level.difficulty();
    int[][] inputs = new int[count][];
    int[][] targets = new int[count][];
    for (int example = 0; example < count; example++) {
      inputs[example] = random.ints(length, 0, vocabulary).toArray();
      targets[example] = reversed(inputs[example]);
    }
    return new SequenceDataset(vocabulary, LONGEST, inputs, targets);
  }

  @Override
  public List<Score> score(Dataset answers, Predictions predictions) {
    int[][] targets = ((SequenceDataset) answers).targets();
    SequencePredictions outputs = (SequencePredictions) predictions;
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < outputs.iterations().length; i++) {
      long right = 0;
      for (int example = 0; example < targets.length; example++) {
        if (Arrays.equals(targets[example], outputs.tokens()[i][example])) {
          right++;
        }
      }
      scores.add(Score.proportion(SEQUENCE_ACCURACY, outputs.iterations()[i], right, targets.length));
    }
    return scores;
  }

  /** The task's own exact solver: the oracle model uses it, and the conformance test holds it to a score of 1. */
  @Override
  public Optional<ReferenceSolver> referenceSolver() {
    return Optional.of(inputs -> {
      int[][] sequences = ((SequenceDataset) inputs).inputs();
      int[][] answers = new int[sequences.length][];
      for (int example = 0; example < sequences.length; example++) {
        answers[example] = reversed(sequences[example]);
      }
      return new SequencePredictions(new int[] {1}, new int[][][] {answers});
    });
  }

  private static int[] reversed(int[] tokens) {
    int[] backwards = new int[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      backwards[i] = tokens[tokens.length - 1 - i];
    }
    return backwards;
  }
}
