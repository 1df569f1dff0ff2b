package dev.reckon.plugins.adjacency;

import dev.reckon.graphnets.GraphNetworkSettings;
import dev.reckon.graphnets.RecurrentSettings;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;
import dev.reckon.kit.Settings;

/**
 * The learned-adjacency model's settings: its recurrent relational network's ({@link
 * RecurrentSettings}), and the sampler's; the defaults are the CPU scale.
 */
public final class LearnedAdjacencySettings {
  private LearnedAdjacencySettings() {}

  public static final Declared<Integer> NEIGHBOURS = Declared.integer("neighbours", 8,
      "k, the neighbours drawn for every node (4x4 sudoku has 7, 6x6 has 12)").positive();

  public static final Declared<Integer> SAMPLER_WIDTH =
      Declared.integer("samplerWidth", 32, "the sampler's embedding and attention width").positive();

  /** Each puzzle of a batch is drawn this many times, the other draws' losses its baseline. */
  public static final Declared<Integer> DRAWS = Declared.integer("draws", 4,
      "graphs drawn for each puzzle of a batch (batchSize / draws puzzles an update)").positive();

  public static final Declared<Double> ENTROPY_BONUS = Declared.number("entropyBonus", 0.1,
      "the weight of the attention head's entropy, subtracted from the loss").notNegative();

  public static final Declared<Boolean> READS_VALUES = Declared.flag("readsValues", false,
      "the sampler reads the cells' given values, not only their positions");

  public static final Declarations DECLARATIONS =
      RecurrentSettings.DECLARATIONS.and(NEIGHBOURS, SAMPLER_WIDTH, DRAWS, ENTROPY_BONUS, READS_VALUES);

  /**
   * The puzzles of a training batch, {@code batchSize / draws}.
   *
   * @throws IllegalArgumentException when the batch size is not a multiple of the draws
   */
  public static int puzzlesPerBatch(Settings settings) {
    int batchSize = settings.get(GraphNetworkSettings.BATCH_SIZE);
    int draws = settings.get(DRAWS);
    if (batchSize % draws != 0) {
      throw new IllegalArgumentException("setting 'batchSize' (" + batchSize + ") must be a multiple of "
          + "'draws' (" + draws + "): a batch holds each of its puzzles 'draws' times");
    }
    return batchSize / draws;
  }
}
