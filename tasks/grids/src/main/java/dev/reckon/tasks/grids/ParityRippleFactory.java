package dev.reckon.tasks.grids;

import dev.reckon.api.GridDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Level;
import dev.reckon.api.Setting;
import java.util.Arrays;
import java.util.List;

/**
 * The running parity carried from the left end one position a step, the classical
 * accuracy-vs-compute curve for prefix sums: after k steps positions 0 to k - 1 hold their
 * parity and the others the guess {@link RunningParity#EVEN}; a string of n bits is solved from k =
 * n on. Predicts at the {@link StepCounts} up to setting {@value StepCounts#MAX_STEPS}.
 */
final class ParityRippleFactory extends StepReference {
  static final String ID = "parity-ripple";
  private static final Level LONGEST_LISTED = GridTask.hardestListed(new PrefixSumTask());

  ParityRippleFactory() {
    super(ID, RunningParity.class, PrefixSumTask.ID, "carries a parity along the bits of the " + PrefixSumTask.ID
        + " task's strings");
  }

  @Override
  public String description() {
    return PrefixSumTask.ID + ": the running parity carried k positions from the left end, the rest guessed even";
  }

  @Override
  public List<Setting> settings() {
    return List.of(StepCounts.setting((int) LONGEST_LISTED.difficulty(), "positions carried",
        "solves every string of the longest listed level, " + LONGEST_LISTED.id()));
  }

  @Override
  public String iterationMeaning() {
    return "one position: the running parity carried one bit further from the left end";
  }

  @Override
  LabelingPredictions predict(GridDataset strings, int maxSteps) {
    int[] counts = StepCounts.of(maxSteps, strings.columns());
    int[][][] labels = new int[counts.length][strings.size()][];
    for (int example = 0; example < strings.size(); example++) {
      int[] parities = RunningParity.labels(strings.cells()[example]);
      for (int i = 0; i < counts.length; i++) {
        int known = Math.min(counts[i], parities.length);
        labels[i][example] = parities.clone();
        Arrays.fill(labels[i][example], known, parities.length, RunningParity.EVEN);
      }
    }
    return new LabelingPredictions(counts, labels);
  }
}
