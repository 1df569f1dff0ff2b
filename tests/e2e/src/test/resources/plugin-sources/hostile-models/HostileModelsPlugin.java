package hostile;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Dataset;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Score;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.util.List;

/**
 * Models that attack the runner's boundary on labelling tasks, each in one way:
 *
 * <ul>
 *   <li>{@code mutator} writes into the datasets it is handed (the blanks of its inputs get label 1
 *       in place, some givens of its training set are zeroed) and then answers legally;
 *   <li>{@code forger} answers legally but measures {@code puzzle_accuracy} = 1.0, a task metric;
 *   <li>{@code backwards} and {@code nonpositive} give iteration counts [8, 2] and [-3, 0];
 *   <li>{@code no-iterations} gives no iteration counts and no label sets;
 *   <li>{@code exiter} and {@code halter} end the JVM (System.exit(3), Runtime.halt(4)) in predict;
 *   <li>{@code null-answer} returns null;
 *   <li>{@code nan-measurement} measures {@code confidence} = NaN;
 *   <li>{@code out-of-range} gives label 0 or labels + 1 on the blanks.
 * </ul>
 */
public final class HostileModelsPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new Hostile("mutator"), new Hostile("forger"), new Hostile("backwards"),
        new Hostile("nonpositive"), new Hostile("no-iterations"), new Hostile("exiter"), new Hostile("halter"),
        new Hostile("null-answer"), new Hostile("nan-measurement"), new Hostile("out-of-range"));
  }

  private record Hostile(String id) implements ModelFactory {
    @Override
    public String version() {
      return "1";
    }

    @Override
    public String description() {
      return "misbehaves on purpose: " + id;
    }

    @Override
    public Support supports(Task task) {
      return task.format() instanceof LabelingFormat ? Support.yes() : Support.no("reads labelling tasks only");
    }

    @Override
    public boolean learns() {
      return id.equals("mutator");
    }

    @Override
    public Model create(ModelContext context) {
      return new Model() {
        @Override
        public void train(Dataset training, TrainingLog log) {
          // zero the first given of every training example, in the dataset it was handed
          for (int[] example : givens(training)) {
            for (int node = 0; node < example.length; node++) {
              if (example[node] != 0) {
                example[node] = 0;
                break;
              }
            }
          }
          log.record(1, "loss", 1.0);
        }

        @Override
        public Predictions predict(Dataset inputs) {
          int examples = inputs.size();
          int labels = labelCount(inputs);
          switch (id) {
            case "mutator": {
              int[][] givens = givens(inputs);
              for (int[] example : givens) {
                for (int node = 0; node < example.length; node++) {
                  if (example[node] == 0) {
                    example[node] = 1; // in place: the runner's own dataset must not change
                  }
                }
              }
              return new LabelingPredictions(new int[] {1}, new int[][][] {givens});
            }
            case "forger":
              return new LabelingPredictions(new int[] {1}, new int[][][] {legal(inputs)},
                  List.of(new Score("puzzle_accuracy", 1, 1.0, examples, 1.0, 1.0)));
            case "backwards":
              return new LabelingPredictions(new int[] {8, 2}, new int[][][] {legal(inputs), legal(inputs)});
            case "nonpositive":
              return new LabelingPredictions(new int[] {-3, 0}, new int[][][] {legal(inputs), legal(inputs)});
            case "no-iterations":
              return new LabelingPredictions(new int[0], new int[0][][]);
            case "exiter":
              System.exit(3);
              throw new AssertionError("unreachable");
            case "halter":
              Runtime.getRuntime().halt(4);
              throw new AssertionError("unreachable");
            case "null-answer":
              return null;
            case "nan-measurement":
              return new LabelingPredictions(new int[] {1}, new int[][][] {legal(inputs)},
                  List.of(new Score("confidence", 1, Double.NaN, examples, 0, 1)));
            case "out-of-range": {
              int[][] output = legal(inputs);
              for (int example = 0; example < output.length; example++) {
                int[] given = givens(inputs)[example];
                for (int node = 0; node < given.length; node++) {
                  if (given[node] == 0) {
                    output[example][node] = example % 2 == 0 ? 0 : labels + 1;
                  }
                }
              }
              return new LabelingPredictions(new int[] {1}, new int[][][] {output});
            }
            default:
              throw new IllegalStateException("no hostile model " + id);
          }
        }
      };
    }
  }

  /** The dataset's own givens array (not a copy): what a model that writes into it changes. */
  static int[][] givens(Dataset data) {
    if (data instanceof LabelingDataset labelling) {
      return labelling.givens();
    }
    if (data instanceof GraphLabelingDataset labelling) {
      return labelling.givens();
    }
    throw new IllegalArgumentException("not a labelling dataset: " + data.getClass().getName());
  }

  static int labelCount(Dataset data) {
    return data instanceof LabelingDataset labelling ? labelling.labels() : ((GraphLabelingDataset) data).labels();
  }

  /** The givens with label 1 on every blank: in range, of the right shape, mostly wrong. */
  static int[][] legal(Dataset inputs) {
    int[][] givens = givens(inputs);
    int[][] output = new int[givens.length][];
    for (int example = 0; example < givens.length; example++) {
      output[example] = givens[example].clone();
      for (int node = 0; node < output[example].length; node++) {
        output[example][node] = Math.max(1, output[example][node]);
      }
    }
    return output;
  }
}
