package victim;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code victim-model}: the givens with one label on every blank, the label read from the jar's
 * victim-label.txt (1 without it). Builds that differ only in that file stand for a jar rebuilt
 * with other code: which build a cell ran shows in its scores.
 */
public final class VictimPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new ModelFactory() {
      @Override
      public String id() {
        return "victim-model";
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
      public Model create(ModelContext context) {
        int label = label();
        return inputs -> {
          int[][] givens = (inputs instanceof LabelingDataset labelling ? labelling.givens()
              : ((GraphLabelingDataset) inputs).givens());
          int[][] output = new int[givens.length][];
          for (int example = 0; example < givens.length; example++) {
            output[example] = givens[example].clone();
            for (int node = 0; node < output[example].length; node++) {
              output[example][node] = output[example][node] == 0 ? label : output[example][node];
            }
          }
          return new LabelingPredictions(new int[] {1}, new int[][][] {output});
        };
      }
    });
  }

  static int label() {
    try (InputStream in = VictimPlugin.class.getResourceAsStream("/victim-label.txt")) {
      return in == null ? 1 : Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
