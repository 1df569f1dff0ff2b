package dev.reckon.tasks.grids;

import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.Level;
import dev.reckon.api.Task;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Prefix sums modulo two of the easy-to-hard studies (Schwarzschild et al. 2021; Bansal et al.
 * 2022): a string of n uniformly random bits in, at every position the parity of the bits up to
 * it out, as label {@link RunningParity#EVEN} + parity. A string is a grid of one row.
 *
 * <p>Followed from easy-to-hard-data's make_prefixsums.py: independent uniform bits, the target
 * the cumulative sum modulo two, lengths from 16 up to 512 (deep-thinking's configs train on 32 and
 * test on 48). Different: below 24 bits that script draws distinct strings, so a dataset holds no
 * string twice, where here every string is drawn on its own, so short levels may repeat one; and
 * deep-thinking feeds a bit as -0.5 or 0.5, where here the channel holds 0 or 1.
 *
 * <p>Levels by length, {@code n16} to {@code n512}; any length from {@value #SHORTEST} is taken by
 * id.
 */
final class PrefixSumTask extends GridTask {
  static final String ID = "prefix-sums";
  /** The shortest length: one bit would be its own answer. */
  static final int SHORTEST = 2;
  static final String DESCRIPTION = "prefix sums modulo 2: uniformly random bits in, at every position "
      + RunningParity.EVEN + " + the parity of the bits up to it out; levels nN by length, any N from " + SHORTEST
      + " by id";
  static final String STRING_ACCURACY = "string_accuracy";
  static final String BIT_ACCURACY = "bit_accuracy";
  /** The lengths of the listed levels. */
  private static final List<Integer> LENGTHS = List.of(16, 24, 32, 48, 64, 128, 256, 512);

  PrefixSumTask() {
    super(ID, new GridFormat(1, RunningParity.CHANNELS, RunningParity.LABELS),
        new SizeLevels("n", SHORTEST, false, n -> n + " uniformly random bits", LENGTHS),
        fraction(STRING_ACCURACY, "strings with the parity right at every position"),
        fraction(BIT_ACCURACY, "positions with the parity right"));
  }

  @Override
  public GridDataset generate(Level level, int count, long seed) {
    int length = size(level);
    SplittableRandom random = new SplittableRandom(seed);
    float[][][] cells = new float[count][length][RunningParity.CHANNELS];
    int[][] answers = new int[count][];
    for (int example = 0; example < count; example++) {
      for (int position = 0; position < length; position++) {
        cells[example][position][RunningParity.BIT] = random.nextInt(2);
      }
      answers[example] = RunningParity.labels(cells[example]);
    }
    return new GridDataset(1, length, RunningParity.LABELS, cells, answers);
  }

  @Override
  public List<String> classicalReferences() {
    return List.of(ParityRippleFactory.ID);
  }

  @Override
  public Optional<Task.ReferenceSolver> referenceSolver() {
    return Optional.of(new RunningParity());
  }
}
