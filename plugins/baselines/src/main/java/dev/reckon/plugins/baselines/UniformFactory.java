package dev.reckon.plugins.baselines;

import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.Task;
import java.util.SplittableRandom;

/**
 * Chance: a uniformly random label on every blank of a labelling task, and equal scores for every
 * key of a retrieval task (a uniform distribution over the keys).
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
    return "chance: random labels, or equal scores for every key";
  }

  @Override
  public boolean supports(Task task) {
    return true;
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
    LabelingDataset labelling = (LabelingDataset) inputs;
    int[][] labels = new int[labelling.size()][];
    for (int example = 0; example < labels.length; example++) {
      labels[example] = labelling.givens()[example].clone();
      for (int node = 0; node < labels[example].length; node++) {
        if (labels[example][node] == 0) {
          labels[example][node] = 1 + random.nextInt(labelling.labels());
        }
      }
    }
    return new LabelingPredictions(new int[] {1}, new int[][][] {labels});
  }
}
