package dev.reckon.tasks.sequences;

import dev.reckon.api.Dataset;
import dev.reckon.api.ExampleOutcomes;
import dev.reckon.api.ExampleScoredTask;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.SequencePredictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string of uniformly random tokens in, a {@link Rearrangement} of it out (sorted, copied,
 * reversed). Levels by length ({@code n8}: eight tokens); the task seed is unused, every string
 * comes from the data seed. A level {@code nA-B} (not listed, taken by id) mixes the lengths A to B
 * uniformly: a model trained on one length only ever answers with that many tokens, so "train
 * short, test long" trains on a mix of short lengths.
 *
 * <p>Token accuracy compares position by position over the longer of output and answer, so a
 * missing or an extra token counts as one wrong position.
 */
public final class StringTask implements ExampleScoredTask {
  static final String SEQUENCE_ACCURACY = "sequence_accuracy";
  static final String TOKEN_ACCURACY = "token_accuracy";
  private static final Pattern MIX = Pattern.compile("n(\\d{1,4})-(\\d{1,4})");

  private static final List<Metric> METRICS = List.of(
      new Metric(SEQUENCE_ACCURACY, Direction.HIGHER_IS_BETTER, Metric.FRACTION, "outputs equal to the answer"),
      new Metric(TOKEN_ACCURACY, Direction.HIGHER_IS_BETTER, Metric.FRACTION,
          "positions holding the answer's token, over the longer of output and answer"));

  private final Rearrangement rearrangement;
  private final SequenceFormat format;
  private final List<Level> levels;

  StringTask(Rearrangement rearrangement, int vocabulary) {
    if (vocabulary < 2) {
      throw new IllegalArgumentException("setting 'vocabulary' must be at least 2, got " + vocabulary);
    }
    this.rearrangement = rearrangement;
    int[] lengths = rearrangement.lengths();
    int longest = lengths[lengths.length - 1];
    this.format = new SequenceFormat(vocabulary, longest, longest);
    this.levels = Arrays.stream(lengths)
        .mapToObj(n -> new Level("n" + n, n, n + " tokens of " + vocabulary + "; answer: " + rearrangement.meaning()))
        .toList();
  }

  @Override
  public SequenceFormat format() {
    return format;
  }

  @Override
  public List<Level> levels() {
    return levels;
  }

  @Override
  public List<Metric> metrics() {
    return METRICS;
  }

  /** A listed level, or a mix of lengths {@code nA-B} with {@code 1 <= A <= B <=} the longest level. */
  @Override
  public Level level(String id) {
    int[] range = mix(id);
    if (range == null) {
      return ExampleScoredTask.super.level(id);
    }
    return new Level(id, range[1], range[0] + " to " + range[1] + " tokens of " + format.vocabulary()
        + ", lengths drawn uniformly; answer: " + rearrangement.meaning());
  }

  /** {@code [A, B]} of a mix's id, or null for any other id; a mix out of range is refused by name. */
  private int[] mix(String id) {
    Matcher matcher = MIX.matcher(id);
    if (!matcher.matches()) {
      return null;
    }
    int shortest = Integer.parseInt(matcher.group(1));
    int longest = Integer.parseInt(matcher.group(2));
    if (shortest < 1 || shortest > longest || longest > format.maxInputLength()) {
      throw new IllegalArgumentException("level '" + id + "' mixes lengths " + shortest + " to " + longest
          + "; they must run upwards from at least 1 to at most " + format.maxInputLength());
    }
    return new int[] {shortest, longest};
  }

  @Override
  public SequenceDataset generate(Level level, int count, long seed) {
    int[] range = mix(level.id());
    int length = (int) level(level.id()).difficulty();
    SplittableRandom random = new SplittableRandom(seed);
    int[][] inputs = new int[count][];
    int[][] targets = new int[count][];
    for (int example = 0; example < count; example++) {
      if (range != null) {
        length = random.nextInt(range[0], range[1] + 1);
      }
      inputs[example] = random.ints(length, 0, format.vocabulary()).toArray();
      targets[example] = rearrangement.answer(inputs[example]);
    }
    return new SequenceDataset(format.vocabulary(), format.maxOutputLength(), inputs, targets);
  }

  /** The outcomes per example: whether its output is the answer, token for token. */
  @Override
  public List<Score> score(Dataset answers, Predictions predictions, List<ExampleOutcomes> outcomes) {
    if (!(answers instanceof SequenceDataset data) || !data.hasAnswers()) {
      throw new IllegalArgumentException(rearrangement.taskId() + " scores a sequence dataset with its answers");
    }
    if (!(predictions instanceof SequencePredictions sequences)) {
      throw new IllegalArgumentException(rearrangement.taskId() + " needs sequence predictions, got "
          + predictions.getClass().getName());
    }
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < sequences.iterations().length; i++) {
      int iterations = sequences.iterations()[i];
      BitSet exact = new BitSet(data.size());
      long rightPositions = 0;
      long positions = 0;
      for (int example = 0; example < data.size(); example++) {
        int[] output = sequences.tokens()[i][example];
        int[] answer = data.targets()[example];
        exact.set(example, Arrays.equals(output, answer));
        for (int position = 0; position < Math.min(output.length, answer.length); position++) {
          rightPositions += output[position] == answer[position] ? 1 : 0;
        }
        positions += Math.max(output.length, answer.length);
      }
      ExampleOutcomes whole = new ExampleOutcomes(SEQUENCE_ACCURACY, iterations, data.size(), exact);
      outcomes.add(whole);
      scores.add(whole.score());
      scores.add(Score.proportion(TOKEN_ACCURACY, iterations, rightPositions, Math.toIntExact(positions)));
    }
    return scores;
  }

  /** Odd-even transposition sort for sorting; copying and reversing have no classical reference here. */
  @Override
  public List<String> classicalReferences() {
    return rearrangement == Rearrangement.SORTING ? List.of(OddEvenSortFactory.ID) : List.of();
  }

  @Override
  public Optional<ReferenceSolver> referenceSolver() {
    return Optional.of(new RearrangementSolver(rearrangement));
  }
}
