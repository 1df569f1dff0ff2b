package dev.reckon.plugins.baselines;

import dev.reckon.api.Dataset;
import dev.reckon.api.Format;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.SplittableRandom;

/**
 * Chance: a uniformly random label on every blank of a labelling task and on every cell of a
 * grid, uniformly random tokens
 * for a sequence task (as many as the input has, up to the longest answer allowed), and equal
 * scores for every key of a retrieval task (a uniform distribution over the keys).
 */
final class UniformFactory implements ModelFactory {
  @Override
  public String id() {
    return "uniform";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "chance: random labels or tokens, or equal scores for every key";
  }

  @Override
  public Support supports(Task task) {
    Format format = task.format();
    // By type, not id: predict reads the built-in datasets these formats come with.
    if (format instanceof LabelingFormat || format instanceof GridFormat || format instanceof SequenceFormat
        || format instanceof RetrievalFormat) {
      return Support.yes();
    }
    return Support.no("uniform guesses labels, token sequences or retrieval scores; this task's format is '"
        + format.id() + "'");
  }

  @Override
  public String iterationMeaning() {
    return "one draw (chance does not iterate)";
  }

  @Override
  public Model create(ModelContext context) {
    SplittableRandom random = new SplittableRandom(context.seed());
    return inputs -> predict(inputs, random);
  }

  private static Predictions predict(Dataset inputs, SplittableRandom random) {
    if (inputs instanceof RetrievalDataset retrieval) {
      return new RetrievalPredictions(new int[] {1}, new float[][][] {new float[retrieval.size()][retrieval.keys()]});
    }
    if (inputs instanceof LabelingDataset labelling) {
      return fillBlanks(labelling.givens(), labelling.labels(), random);
    }
    if (inputs instanceof GraphLabelingDataset labelling) {
      return fillBlanks(labelling.givens(), labelling.labels(), random);
    }
    if (inputs instanceof GridDataset grids) {
      return fillBlanks(new int[grids.size()][grids.cellCount()], grids.labels(), random);
    }
    if (inputs instanceof SequenceDataset sequences) {
      int[][] tokens = new int[sequences.size()][];
      for (int example = 0; example < tokens.length; example++) {
        tokens[example] = random.ints(Math.min(sequences.inputs()[example].length, sequences.maxOutputLength()), 0,
            sequences.vocabulary()).toArray();
      }
      return new SequencePredictions(new int[] {1}, new int[][][] {tokens});
    }
    throw new IllegalArgumentException("uniform cannot predict for a " + inputs.getClass().getName());
  }

  /** The givens with a random label in {@code 1..labels} on every blank. */
  private static LabelingPredictions fillBlanks(int[][] givens, int labels, SplittableRandom random) {
    int[][] filled = new int[givens.length][];
    for (int example = 0; example < filled.length; example++) {
      filled[example] = givens[example].clone();
      for (int node = 0; node < filled[example].length; node++) {
        if (filled[example][node] == 0) {
          filled[example][node] = 1 + random.nextInt(labels);
        }
      }
    }
    return new LabelingPredictions(new int[] {1}, new int[][][] {filled});
  }
}
