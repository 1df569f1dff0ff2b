package ${package};

import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.Predictions;
import dev.reckon.api.TrainingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Counts, for every node of the task's shared graph, how often each label holds it in the
 * training solutions, and fills every blank with its node's commonest label. It does not iterate,
 * so it predicts at one iteration count, 1.
 */
final class CommonestLabel implements Model {
  private static final String CHECKPOINT = "counts.txt";

  private final int smoothing;
  /** {@code counts[node][label]}, labels from 1; empty until trained or loaded. */
  private long[][] counts = new long[0][];

  CommonestLabel(int smoothing) {
    this.smoothing = smoothing;
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    LabelingDataset data = (LabelingDataset) training;
    int nodes = data.graph().nodes();
    counts = new long[nodes][data.labels() + 1];
    for (long[] node : counts) {
      Arrays.fill(node, 1, node.length, smoothing);
    }
    int[][] solutions = data.solutions();
    for (int example = 0; example < data.size(); example++) {
      for (int node = 0; node < nodes; node++) {
        counts[node][solutions[example][node]]++;
      }
      log.progress(example + 1, data.size());
    }
    log.record(data.size(), TrainingLog.LOSS, meanNegativeLogLikelihood(solutions));
  }

  /** The loss the leaderboards read: the training labels' mean negative log-likelihood under the counts, in nats. */
  private double meanNegativeLogLikelihood(int[][] solutions) {
    double sum = 0;
    long terms = 0;
    for (int[] solution : solutions) {
      for (int node = 0; node < solution.length; node++) {
        long total = Arrays.stream(counts[node]).sum();
        sum -= Math.log((double) counts[node][solution[node]] / total);
        terms++;
      }
    }
    return terms == 0 ? 0 : sum / terms;
  }

  @Override
  public Predictions predict(Dataset inputs) {
    LabelingDataset data = (LabelingDataset) inputs;
    int[][] labels = new int[data.size()][];
    for (int example = 0; example < data.size(); example++) {
      int[] grid = data.givens()[example].clone();
      for (int node = 0; node < grid.length; node++) {
        if (grid[node] == 0) {
          grid[node] = commonest(node, data.labels());
        }
      }
      labels[example] = grid;
    }
    return new LabelingPredictions(new int[] {1}, new int[][][] {labels});
  }

  private int commonest(int node, int labelCount) {
    int best = 1;
    if (node < counts.length) {
      for (int label = 2; label <= labelCount && label < counts[node].length; label++) {
        if (counts[node][label] > counts[node][best]) {
          best = label;
        }
      }
    }
    return best;
  }

  @Override
  public long parameterCount() {
    return Arrays.stream(counts).mapToLong(node -> node.length - 1).sum();
  }

  @Override
  public void save(Path directory) throws IOException {
    List<String> lines = Arrays.stream(counts)
        .map(node -> Arrays.stream(node).mapToObj(Long::toString).collect(Collectors.joining(" ")))
        .toList();
    Files.write(directory.resolve(CHECKPOINT), lines, StandardCharsets.UTF_8);
  }

  @Override
  public void load(Path directory) throws IOException {
    counts = Files.readAllLines(directory.resolve(CHECKPOINT), StandardCharsets.UTF_8).stream()
        .map(line -> Arrays.stream(line.split(" ")).mapToLong(Long::parseLong).toArray())
        .toArray(long[][]::new);
  }
}
