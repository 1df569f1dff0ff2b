package org.example.messages;

import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;
import dev.reckon.kit.Training;

/** The network's settings, each declared once; the kit's {@link Training} settings at this model's defaults. */
final class MessageMlpSettings {
  private MessageMlpSettings() {}

  static final Declared<Integer> HIDDEN = Declared.integer("hidden", 32, "units of the MLP's hidden layer").positive();

  static final Declared<Integer> ROUNDS = Declared.integer("rounds", 4,
      "message-passing rounds T in training; predictions at 1, 2, 4, ... up to 4T").positive();

  static final Declared<Integer> UPDATES = Training.UPDATES.withDefault(300);

  static final Declared<Integer> BATCH_SIZE = Training.BATCH_SIZE.withDefault(32);

  static final Declared<Double> LEARNING_RATE = Training.LEARNING_RATE.withDefault(0.01);

  /** Derived from the updates, so that a short training and a long one both draw a curve of about 20 points. */
  static final Declared<Integer> LOG_EVERY = Declared.integer(Training.LOG_EVERY.name(),
      settings -> Math.max(1, settings.get(UPDATES) / 20),
      "updates between two points of the training curves; default a twentieth of updates").positive();

  static final Declarations DECLARATIONS =
      Declarations.of(HIDDEN, ROUNDS, UPDATES, BATCH_SIZE, LEARNING_RATE, LOG_EVERY);
}
