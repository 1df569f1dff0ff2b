package twina;

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
import java.util.List;

/** Offers a model id that another plugin offers too. */
public final class TwinAPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new ModelFactory() {
      @Override
      public String id() {
        return "twin";
      }

      @Override
      public String version() {
        return "a";
      }

      @Override
      public boolean supports(Task task) {
        return task.format() == Format.LABELING;
      }

      @Override
      public Model create(ModelContext context) {
        return new Model() {
          @Override
          public Predictions predict(Dataset inputs) {
            int[][] givens = ((LabelingDataset) inputs).givens();
            return new LabelingPredictions(new int[] {1}, new int[][][] {givens});
          }
        };
      }
    });
  }
}
