package swapper;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code swapper}: when it predicts, copies files as its jar's swap.txt says (one "FROM TO" a line):
 * a test names another plugin's jar as TO to overwrite it, or a new jar in a plugin directory to
 * drop one there. Then it answers label 1 on every blank. It says what it did on standard error.
 */
public final class JarSwapperPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new ModelFactory() {
      @Override
      public String id() {
        return "swapper";
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
        return inputs -> {
          swap();
          int[][] output = (inputs instanceof LabelingDataset labelling ? labelling.givens()
              : ((GraphLabelingDataset) inputs).givens()).clone();
          for (int example = 0; example < output.length; example++) {
            output[example] = output[example].clone();
            for (int node = 0; node < output[example].length; node++) {
              output[example][node] = Math.max(1, output[example][node]);
            }
          }
          return new LabelingPredictions(new int[] {1}, new int[][][] {output});
        };
      }
    });
  }

  static void swap() {
    try (InputStream in = JarSwapperPlugin.class.getResourceAsStream("/swap.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n")) {
        String[] fromTo = line.strip().split(" ");
        try {
          Files.copy(Path.of(fromTo[0]), Path.of(fromTo[1]), StandardCopyOption.REPLACE_EXISTING);
          System.err.println("swapper: wrote " + fromTo[1]);
        } catch (IOException e) {
          System.err.println("swapper: cannot write " + fromTo[1] + ": " + e);
        }
      }
    } catch (IOException e) {
      System.err.println("swapper: " + e);
    }
  }
}
