package dev.reckon.plugins.tables;

import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;
import dev.reckon.kit.Settings;

/**
 * The settings of a table, the note's by default: batches of 500 pairs, 2000 updates of plain SGD
 * (the note: 1k to 2k iterations at batch size 500).
 */
final class TableSettings {
  private TableSettings() {}

  static final Declared<Integer> UPDATES = Declared.integer("updates", 2000, "SGD updates").positive();

  static final Declared<Integer> BATCH_SIZE =
      Declared.integer("batchSize", 500, "training pairs per update").positive();

  static final Declared<Double> LEARNING_RATE = Declared.number("learningRate", 50.0,
      "step size of the first update, falling linearly to 0 at the last").positive();

  static final Declared<Integer> LOG_EVERY =
      Declared.integer("logEvery", 100, "updates between two points of the training curve").positive();

  static final Declarations DECLARED = Declarations.of(UPDATES, BATCH_SIZE, LEARNING_RATE, LOG_EVERY);

  /** The step size of update {@code update}, counted from 1. */
  static double stepSize(Settings settings, int update) {
    int updates = settings.get(UPDATES);
    return settings.get(LEARNING_RATE) * (updates - update + 1) / updates;
  }
}
