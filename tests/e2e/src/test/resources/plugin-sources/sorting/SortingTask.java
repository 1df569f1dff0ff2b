package sorting;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * n integers in, the same integers in ascending order out. Everything comes from the data seed;
 * the task seed is unused.
 */
final class SortingTask implements Task {
  private static final int[] LENGTHS = {4, 8, 16};
  private static final int LONGEST = 16;
  private static final List<Metric> METRICS = List.of(
      new Metric("exact_accuracy", Direction.HIGHER_IS_BETTER, "fraction", "outputs equal to the sorted input"),
      new Metric("token_accuracy", Direction.HIGHER_IS_BETTER, "fraction",
          "positions of the answer holding the right token (a missing position is wrong)"));

  private final int vocabulary;
  private final SequenceFormat format;

  SortingTask(int vocabulary) {
    if (vocabulary < 2) {
      throw new IllegalArgumentException("setting 'vocabulary' must be at least 2, got " + vocabulary);
    }
    this.vocabulary = vocabulary;
    this.format = new SequenceFormat(vocabulary, LONGEST, LONGEST);
  }

  @Override
  public SequenceFormat format() {
    return format;
  }

  @Override
  public List<Level> levels() {
    List<Level> levels = new ArrayList<>();
    for (int n : LENGTHS) {
      levels.add(new Level("n" + n, n, "sort " + n + " integers"));
    }
    return levels;
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  @Override
  public SequenceDataset generate(Level level, int count, long seed) {
    int n = Integer.parseInt(level(level.id()).id().substring(1));
    SplittableRandom random = new SplittableRandom(seed);
    int[][] inputs = new int[count][];
    int[][] targets = new int[count][];
    for (int example = 0; example < count; example++) {
      inputs[example] = random.ints(n, 0, vocabulary).toArray();
      targets[example] = inputs[example].clone();
      Arrays.sort(targets[example]);
    }
    return new SequenceDataset(vocabulary, LONGEST, inputs, targets);
  }

  @Override
  public List<Score> score(Dataset answers, Predictions predictions) {
    if (!(answers instanceof SequenceDataset data) || !data.hasAnswers()) {
      throw new IllegalArgumentException("sorting scores a sequence dataset with its answers");
    }
    SequencePredictions sequences = (SequencePredictions) predictions;
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < sequences.iterations().length; i++) {
      int iterations = sequences.iterations()[i];
      int exact = 0;
      long rightTokens = 0;
      long tokens = 0;
      for (int example = 0; example < data.size(); example++) {
        int[] target = data.targets()[example];
        int[] output = sequences.tokens()[i][example];
        exact += Arrays.equals(target, output) ? 1 : 0;
        for (int position = 0; position < target.length; position++) {
          tokens++;
          rightTokens += position < output.length && output[position] == target[position] ? 1 : 0;
        }
      }
      scores.add(Score.proportion("exact_accuracy", iterations, exact, data.size()));
      scores.add(Score.proportion("token_accuracy", iterations, rightTokens, Math.toIntExact(tokens)));
    }
    return scores;
  }

  @Override
  public Optional<ReferenceSolver> referenceSolver() {
    return Optional.of(inputs -> {
      SequenceDataset data = (SequenceDataset) inputs;
      int[][] sorted = new int[data.size()][];
      for (int example = 0; example < data.size(); example++) {
        sorted[example] = data.inputs()[example].clone();
        Arrays.sort(sorted[example]);
      }
      return new SequencePredictions(new int[] {1}, new int[][][] {sorted});
    });
  }
}
