package dev.reckon.plugins.tables;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import java.util.List;

/**
 * The hyper-parameters of a table, the note's by default: batches of 500 pairs, 2000 updates of
 * plain SGD (the note: 1k to 2k iterations at batch size 500).
 *
 * @param updates SGD updates
 * @param batchSize training pairs per update
 * @param learningRate the step size of the first update; it falls linearly to 0 at the last
 * @param logEvery updates between two points of the training curve
 */
record TableSettings(int updates, int batchSize, double learningRate, int logEvery) {
  static final List<Setting> DECLARED = List.of(
      Setting.integer("updates", 2000, "SGD updates"),
      Setting.integer("batchSize", 500, "training pairs per update"),
      Setting.number("learningRate", 50.0, "step size of the first update, falling linearly to 0 at the last"),
      Setting.integer("logEvery", 100, "updates between two points of the training curve"));

  TableSettings {
    positive("updates", updates);
    positive("batchSize", batchSize);
    positive("logEvery", logEvery);
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("setting 'learningRate' is " + learningRate + "; expected a positive number");
    }
  }

  static TableSettings from(Config config) {
    return new TableSettings(config.getInt("updates"), config.getInt("batchSize"), config.getDouble("learningRate"),
        config.getInt("logEvery"));
  }

  /** The step size of update {@code update}, counted from 1. */
  double stepSize(int update) {
    return learningRate * (updates - update + 1) / updates;
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("setting '" + name + "' is " + value + "; expected a positive number");
    }
  }
}
