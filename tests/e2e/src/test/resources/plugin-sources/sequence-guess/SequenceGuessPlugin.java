package sequenceguess;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.List;

/**
 * Two models of token sequences that answer with their input, cut to the answer's longest length:
 * {@code sequence-guess} reads sequence tasks only; {@code careless} says yes to every task, which
 * the checks fail, and says so on standard error, which the checks' output then shows.
 */
public final class SequenceGuessPlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return List.of(new Guess("sequence-guess", false), new Guess("careless", true));
  }

  private record Guess(String id, boolean careless) implements ModelFactory {
    @Override
    public String version() {
      return "1";
    }

    @Override
    public Support supports(Task task) {
      if (careless) {
        System.err.println("careless accepts a task of format " + task.format().id() + " unread");
        return Support.yes();
      }
      return task.format() instanceof SequenceFormat ? Support.yes() : Support.no("reads sequence tasks only");
    }

    @Override
    public Model create(ModelContext context) {
      return new Model() {
        @Override
        public Predictions predict(Dataset inputs) {
          SequenceDataset sequences = (SequenceDataset) inputs;
          int[][] tokens = new int[sequences.size()][];
          for (int i = 0; i < tokens.length; i++) {
            int[] input = sequences.inputs()[i];
            tokens[i] = java.util.Arrays.copyOf(input, Math.min(input.length, sequences.maxOutputLength()));
            for (int p = 0; p < tokens[i].length; p++) {
              tokens[i][p] = Math.min(tokens[i][p], sequences.vocabulary() - 1);
            }
          }
          return new SequencePredictions(new int[] {1}, new int[][][] {tokens});
        }
      };
    }
  }
}
