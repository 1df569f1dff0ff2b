package dev.reckon.plugins.adjacency;

import static dev.reckon.graphnets.SettingChecks.notNegative;
import static dev.reckon.graphnets.SettingChecks.positive;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import dev.reckon.graphnets.FlatJson;
import dev.reckon.graphnets.GraphNetworkSettings;
import dev.reckon.graphnets.RecurrentSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned-adjacency model's settings: its recurrent relational network's, and the sampler's.
 *
 * @param network the message-passing network and its training schedule
 * @param neighbours k, the neighbours drawn for every node ({@code neighbours})
 * @param samplerWidth the sampler's embedding and attention width ({@code samplerWidth})
 * @param draws the graphs drawn for each puzzle of a training batch ({@code draws}), whose losses
 *     are each other's baseline
 * @param entropyBonus the weight of the attention head's entropy in the loss ({@code entropyBonus})
 * @param readsValues whether the sampler reads the given values beside the positions ({@code readsValues})
 */
public record LearnedAdjacencySettings(RecurrentSettings network, int neighbours, int samplerWidth, int draws,
    double entropyBonus, boolean readsValues) {
  /** The settings {@link #from} reads; the defaults are the CPU scale. */
  public static final List<Setting> DECLARED = GraphNetworkSettings.of(RecurrentSettings.DECLARED, List.of(
      Setting.integer("neighbours", 8, "k, the neighbours drawn for every node (4x4 sudoku has 7, 6x6 has 12)"),
      Setting.integer("samplerWidth", 32, "the sampler's embedding and attention width"),
      Setting.integer("draws", 4, "graphs drawn for each puzzle of a batch (batchSize / draws puzzles an update)"),
      Setting.number("entropyBonus", 0.1, "the weight of the attention head's entropy, subtracted from the loss"),
      Setting.flag("readsValues", false, "the sampler reads the cells' given values, not only their positions")));

  public LearnedAdjacencySettings {
    positive("neighbours", neighbours);
    positive("samplerWidth", samplerWidth);
    positive("draws", draws);
    notNegative("entropyBonus", entropyBonus);
    if (network.batchSize() % draws != 0) {
      throw new IllegalArgumentException("setting 'batchSize' (" + network.batchSize() + ") must be a multiple of "
          + "'draws' (" + draws + "): a batch holds each of its puzzles 'draws' times");
    }
  }

  public static LearnedAdjacencySettings from(Config config) {
    return new LearnedAdjacencySettings(RecurrentSettings.from(config), config.getInt("neighbours"),
        config.getInt("samplerWidth"), config.getInt("draws"), config.getDouble("entropyBonus"),
        config.getBoolean("readsValues"));
  }

  /** The settings as a flat JSON object, names as in the suite's config. */
  public String toJson() {
    Map<String, Object> map = new LinkedHashMap<>(network.asMap());
    map.put("neighbours", neighbours);
    map.put("samplerWidth", samplerWidth);
    map.put("draws", draws);
    map.put("entropyBonus", entropyBonus);
    map.put("readsValues", readsValues);
    return FlatJson.write(map);
  }

  /** Reads what {@link #toJson} wrote. */
  public static LearnedAdjacencySettings fromJson(String json) {
    return from(FlatJson.read(json));
  }
}
