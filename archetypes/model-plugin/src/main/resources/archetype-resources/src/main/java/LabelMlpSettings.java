package ${package};

import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;
import dev.reckon.kit.Training;

/**
 * The model's settings, each declared once: name, default, range and meaning. A suite sets them by
 * name, {@code reckon list --verbose} shows them, a checkpoint and the run's results carry them,
 * and the model reads one as {@code settings.get(HIDDEN)}. The kit's {@link Training} settings are
 * taken at this model's defaults.
 */
final class LabelMlpSettings {
  private LabelMlpSettings() {}

  static final Declared<Integer> HIDDEN =
      Declared.integer("hidden", 64, "units of the network's hidden layer").positive();

  static final Declared<Integer> UPDATES = Training.UPDATES.withDefault(200);

  static final Declared<Integer> BATCH_SIZE = Training.BATCH_SIZE.withDefault(32);

  static final Declared<Double> LEARNING_RATE = Training.LEARNING_RATE.withDefault(0.01);

  static final Declarations DECLARATIONS =
      Declarations.of(HIDDEN, UPDATES, BATCH_SIZE, LEARNING_RATE, Training.LOG_EVERY);
}
