package testmodels;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Models that misbehave on purpose: one throws, one's loss turns NaN, one hangs past any time
 * limit, and one ({@code sleepy}) waits while the file named by RECKON_SLEEPY_GATE exists, so a
 * test can kill a run in the middle of it. And one that learns without a network ({@code
 * majority}: each blank gets the label most often right there in training), to check that a
 * trained model is saved with the run and evaluated again without training.
 */
public final class TestModelsPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new Misbehaving("faulty-throw"), new Misbehaving("faulty-nan"), new Misbehaving("faulty-hang"),
        new Misbehaving("sleepy"), new Majority("majority"), new Majority("majority-grouped"));
  }

  /**
   * {@code majority-grouped} trains its seeds as a group (each on its own, in one process) and its
   * second seed's member fails to predict: the group's other seeds must not fail with it.
   */
  private record Majority(String id) implements ModelFactory {
    @Override
    public Optional<SeedGroup> createGroup(List<ModelContext> contexts) {
      if (!id.equals("majority-grouped")) {
        return Optional.empty();
      }
      List<Model> members = contexts.stream().map(this::create).toList();
      return Optional.of(new SeedGroup() {
        @Override
        public void train(List<Dataset> training, List<TrainingLog> logs) {
          for (int i = 0; i < members.size(); i++) {
            members.get(i).train(training.get(i), logs.get(i));
          }
        }

        @Override
        public Model member(int i) {
          if (i != 1) {
            return members.get(i);
          }
          return new Model() {
            @Override
            public Predictions predict(Dataset inputs) {
              throw new IllegalStateException("the second seed's slice is corrupt");
            }
          };
        }

        @Override
        public void close() {}
      });
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public Support supports(Task task) {
      return task.format() instanceof LabelingFormat ? Support.yes() : Support.no("reads labelling tasks only");
    }

    @Override
    public boolean learns() {
      return true;
    }

    @Override
    public Model create(ModelContext context) {
      return new Model() {
        private int[] labels;

        @Override
        public void train(Dataset training, TrainingLog log) {
          LabelingDataset data = (LabelingDataset) training;
          int nodes = data.graph().nodes();
          int[][] counts = new int[nodes][data.labels() + 1];
          for (int[] solution : data.solutions()) {
            for (int node = 0; node < nodes; node++) {
              counts[node][solution[node]]++;
            }
          }
          labels = new int[nodes];
          for (int node = 0; node < nodes; node++) {
            for (int label = 1; label <= data.labels(); label++) {
              if (counts[node][label] > counts[node][labels[node]]) {
                labels[node] = label;
              }
            }
          }
          log.record(1, "loss", 1.0);
        }

        @Override
        public Predictions predict(Dataset inputs) {
          int[][] givens = ((LabelingDataset) inputs).givens();
          int[][] filled = new int[givens.length][];
          for (int p = 0; p < givens.length; p++) {
            filled[p] = givens[p].clone();
            for (int node = 0; node < filled[p].length; node++) {
              if (filled[p][node] == 0) {
                filled[p][node] = labels[node];
              }
            }
          }
          return new LabelingPredictions(new int[] {1}, new int[][][] {filled});
        }

        @Override
        public void save(Path directory) throws IOException {
          Files.writeString(directory.resolve("majority.txt"), Arrays.toString(labels));
        }

        @Override
        public void load(Path directory) throws IOException {
          String text = Files.readString(directory.resolve("majority.txt"));
          labels = Arrays.stream(text.substring(1, text.length() - 1).split(", ")).mapToInt(Integer::parseInt)
              .toArray();
        }
      };
    }
  }

  private record Misbehaving(String id) implements ModelFactory {
    @Override
    public String version() {
      return "1";
    }

    @Override
    public Support supports(Task task) {
      return task.format() instanceof LabelingFormat ? Support.yes() : Support.no("reads labelling tasks only");
    }

    @Override
    public boolean learns() {
      return id.equals("faulty-nan");
    }

    @Override
    public Model create(ModelContext context) {
      return new Model() {
        @Override
        public void train(Dataset training, TrainingLog log) {
          log.record(1, "loss", 0.5);
          log.record(2, "loss", Double.NaN);
        }

        @Override
        public Predictions predict(Dataset inputs) {
          if (id.equals("faulty-throw")) {
            throw new IllegalStateException("weights file is corrupt");
          }
          if (id.equals("faulty-hang") || id.equals("sleepy")) {
            waitWhileGated();
          }
          // every blank labelled 1: a legal, mostly wrong answer
          int[][] labels = ((LabelingDataset) inputs).givens();
          for (int[] example : labels) {
            java.util.Arrays.setAll(example, node -> Math.max(1, example[node]));
          }
          return new LabelingPredictions(new int[] {1}, new int[][][] {labels});
        }

        private void waitWhileGated() {
          String gate = System.getenv("RECKON_SLEEPY_GATE");
          try {
            while (id.equals("faulty-hang") || (gate != null && Files.exists(Path.of(gate)))) {
              Thread.sleep(50);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          }
        }
      };
    }
  }
}
