package dev.reckon.plugins.transformers;

import dev.reckon.api.Config;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.util.HashMap;
import java.util.Map;

/** Models made as the runner makes them, and their exact-match accuracy on the copy fixture. */
final class TransformerFixtures {
  static final TrainingLog IGNORED = (update, metric, value) -> {};

  private TransformerFixtures() {}

  /** A model of {@code factory} at {@code settings}, the rest at the variant's defaults. */
  static Model create(ModelFactory factory, Task task, Map<String, ?> settings, long seed) {
    return factory.create(new ModelContext(task, Config.resolve(factory.settings(), settings), seed, "cpu"));
  }

  /** The share of {@code data} answered exactly right at each iteration count the model reports. */
  static double[] exactAccuracy(Model model, SequenceDataset data) {
    SequencePredictions predictions = (SequencePredictions) model.predict(data.withoutAnswers());
    double[] accuracy = new double[predictions.iterations().length];
    for (int i = 0; i < accuracy.length; i++) {
      accuracy[i] = CopyTask.exactlyRight(data, predictions.tokens()[i]) / (double) data.size();
    }
    return accuracy;
  }

  static Map<String, Object> with(Map<String, ?> base, Object... overrides) {
    Map<String, Object> settings = new HashMap<>(base);
    for (int i = 0; i < overrides.length; i += 2) {
      settings.put((String) overrides[i], overrides[i + 1]);
    }
    return settings;
  }
}
