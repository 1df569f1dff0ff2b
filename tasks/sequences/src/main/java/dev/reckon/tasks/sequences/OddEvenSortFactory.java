package dev.reckon.tasks.sequences;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.List;
import java.util.stream.IntStream;

/**
 * k passes of odd-even transposition sort, the classical accuracy-vs-compute curve for sorting: n
 * passes sort n tokens. Pass 1 compares and swaps the pairs (0,1), (2,3), ...; pass 2 the pairs
 * (1,2), (3,4), ...; and so on alternating. Predicts at every k from 1 to setting {@code maxPasses}.
 */
final class OddEvenSortFactory implements ModelFactory {
  static final String ID = "odd-even-sort";
  static final String MAX_PASSES = "maxPasses";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "k passes of odd-even transposition sort";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.integer(MAX_PASSES, 16, "the largest number of passes; predictions at every k from 1"));
  }

  /** A classical reference: it knows its task, and what it reads of it, by the task's own solver. */
  @Override
  public boolean usesReferenceSolver() {
    return true;
  }

  @Override
  public Support supports(Task task) {
    return RearrangementSolver.rearrangementOf(task).filter(Rearrangement.SORTING::equals).isPresent()
        ? Support.yes()
        : Support.no("odd-even-sort sorts; this task is not the sorting task");
  }

  @Override
  public String iterationMeaning() {
    return "one pass of odd-even transposition: every other adjacent pair compared and swapped, pairs starting "
        + "at even and at odd positions alternating";
  }

  @Override
  public Model create(ModelContext context) {
    int maxPasses = context.config().getInt(MAX_PASSES);
    if (maxPasses < 1) {
      throw new IllegalArgumentException("setting '" + MAX_PASSES + "' must be at least 1, got " + maxPasses);
    }
    int[] passes = IntStream.rangeClosed(1, maxPasses).toArray();
    return inputs -> {
      int[][] strings = ((SequenceDataset) inputs).inputs();
      int[][][] outputs = new int[passes.length][strings.length][];
      for (int example = 0; example < strings.length; example++) {
        int[] tokens = strings[example].clone();
        for (int pass = 1; pass <= maxPasses; pass++) {
          for (int i = (pass - 1) % 2; i + 1 < tokens.length; i += 2) {
            if (tokens[i] > tokens[i + 1]) {
              int swap = tokens[i];
              tokens[i] = tokens[i + 1];
              tokens[i + 1] = swap;
            }
          }
          outputs[pass - 1][example] = tokens.clone();
        }
      }
      return new SequencePredictions(passes, outputs);
    };
  }
}
