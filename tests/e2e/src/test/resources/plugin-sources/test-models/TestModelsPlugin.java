package testmodels;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Dataset;
import dev.reckon.api.Format;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Models that misbehave on purpose: one throws, one's loss turns NaN, one hangs past any time
 * limit, and one ({@code sleepy}) waits while the file named by RECKON_SLEEPY_GATE exists, so a
 * test can kill a run in the middle of it.
 */
public final class TestModelsPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new Misbehaving("faulty-throw"), new Misbehaving("faulty-nan"), new Misbehaving("faulty-hang"),
        new Misbehaving("sleepy"));
  }

  private record Misbehaving(String id) implements ModelFactory {
    @Override
    public String version() {
      return "1";
    }

    @Override
    public boolean supports(Task task) {
      return task.format() == Format.LABELING;
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
          int[][] givens = ((LabelingDataset) inputs).givens();
          return new LabelingPredictions(new int[] {1}, new int[][][] {givens});
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
