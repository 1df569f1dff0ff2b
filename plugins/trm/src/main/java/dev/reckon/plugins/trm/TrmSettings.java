package dev.reckon.plugins.trm;

import static dev.reckon.kit.Training.BATCH_SIZE;
import static dev.reckon.kit.Training.EVAL_BATCH_SIZE;
import static dev.reckon.kit.Training.EVAL_EVERY;
import static dev.reckon.kit.Training.LEARNING_RATE;
import static dev.reckon.kit.Training.LOG_EVERY;
import static dev.reckon.kit.Training.UPDATES;
import static dev.reckon.kit.Training.WARMUP;
import static dev.reckon.kit.Training.WEIGHT_DECAY;

import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;

/**
 * The settings of a tiny recursive model and its training, declared with their defaults, the CPU
 * scale (the paper's Sudoku scale is hidden 512, expansion 3, latentSteps 6, recursions 3,
 * supervisionSteps 16).
 *
 * <p>The CPU defaults run one recursion process a supervision step (T = 1), all of it with
 * gradients: in a few hundred updates the processes without gradients cost more than they give.
 * Measured on 6x6 sudoku (trained on 5000 b16 puzzles, hidden 32, N_sup 4, about 37 s of training
 * each): T = 2 with n = 3 for 400 updates solved 0.958 of b16 and 0.254 of minimal puzzles at 4
 * N_sup; T = 1 with n = 4 for 500 updates 0.992 and 0.372.
 */
final class TrmSettings {
  private TrmSettings() {}

  static final Declared<Integer> HIDDEN =
      Declared.integer("hidden", 32, "the size of the input x, the answer y and the latent z at every cell").positive();

  static final Declared<Integer> LAYERS = Declared.integer("layers", 2, "the layers of the one tiny network").positive();

  static final Declared<Integer> EXPANSION = Declared.integer("expansion", 2,
      "each gated feed-forward map's inner width, as a multiple of its width").positive();

  static final Declared<Integer> LATENT_STEPS = Declared.integer("latentSteps", 4,
      "n, the latent updates z <- net(x + y + z) of one recursion process").positive();

  static final Declared<Integer> RECURSIONS = Declared.integer("recursions", 1,
      "T, the recursion processes of one supervision step; all but the last run without gradients").positive();

  static final Declared<Integer> SUPERVISION_STEPS = Declared.integer("supervisionSteps", 4, "N_sup, the supervision"
      + " steps (one optimiser update each) a training batch gets, y and z carried from one to the next").positive();

  static final Declared<Integer> MAX_SUPERVISION = Declared.integer("maxSupervision",
      settings -> 4 * settings.get(SUPERVISION_STEPS),
      "the most supervision steps run at evaluation; default 4 x supervisionSteps").positive();

  static final Declarations DECLARATIONS = Declarations.of(
      HIDDEN,
      LAYERS,
      EXPANSION,
      LATENT_STEPS,
      RECURSIONS,
      SUPERVISION_STEPS,
      MAX_SUPERVISION,
      UPDATES.withDefault(500).withMeaning("optimiser updates, one a supervision step"),
      BATCH_SIZE.withMeaning("puzzles per batch"),
      LEARNING_RATE.withDefault(0.004).withMeaning("AdamW's peak step size"),
      WARMUP.withDefault(40).withMeaning("updates of linear warm-up before the cosine decay to learningRate / 20"),
      WEIGHT_DECAY.withDefault(0.1).withMeaning("AdamW's decoupled weight decay"),
      LOG_EVERY,
      EVAL_EVERY,
      EVAL_BATCH_SIZE.withMeaning("puzzles per batch at evaluation"));
}
