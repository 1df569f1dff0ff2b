package dev.reckon.reports.measurements;

import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.Cell;
import dev.reckon.reports.format.RunResults.Outcomes;
import dev.reckon.reports.measurements.Measurement.Key;
import dev.reckon.reports.stats.DiscordantExamples;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's per-example outcomes (outcomes.csv) by number and training seed, each with the sha256 of
 * the evaluation set its examples are from (cells.csv): what pairs two numbers example by example,
 * whether of two runs ({@code reckon compare}) or of two models of one run (the claims).
 */
public final class OutcomeIndex {
  /**
   * A cell's outcomes of one number at one seed.
   *
   * @param evalSha256 the sha256 of the cell's evaluation set on the outcomes' level, empty when unknown
   */
  public record Seeded(Outcomes outcomes, String evalSha256) {}

  private final Map<Key, Map<Long, Seeded>> bySeed = new HashMap<>();

  public OutcomeIndex(RunResults run) {
    Map<List<Object>, Cell> cells = new HashMap<>();
    run.cells().forEach(cell -> cells.put(List.of(cell.model(), cell.task(), cell.trainLevel(), cell.seed()), cell));
    for (Outcomes outcomes : run.outcomes()) {
      Cell cell = cells.get(List.of(outcomes.model(), outcomes.task(), outcomes.trainLevel(), outcomes.seed()));
      String sha = cell == null ? "" : cell.evalDataSha256().getOrDefault(outcomes.evalLevel(), "");
      Key key = new Key(outcomes.model(), outcomes.task(), outcomes.trainLevel(), outcomes.evalLevel(),
          outcomes.iterations(), outcomes.metric());
      bySeed.computeIfAbsent(key, k -> new TreeMap<>()).put(outcomes.seed(), new Seeded(outcomes, sha));
    }
  }

  /** The outcomes of the number {@code key} by seed, ascending; empty when the run has none. */
  public Map<Long, Seeded> bySeed(Key key) {
    return Collections.unmodifiableMap(bySeed.getOrDefault(key, Map.of()));
  }

  /**
   * The discordant examples of {@code first} against {@code second} over the seed {@code pairs}
   * (each a seed of {@code first}, then one of {@code second}), added over the pairs: the stratified
   * McNemar count that both compare and the claims decide by.
   */
  public static DiscordantExamples discordant(List<long[]> pairs, Map<Long, Seeded> first,
      Map<Long, Seeded> second) {
    return DiscordantExamples.combined(pairs.stream().map(pair -> DiscordantExamples.of(
        first.get(pair[0]).outcomes().counted(), second.get(pair[1]).outcomes().counted(),
        first.get(pair[0]).outcomes().n())).toList());
  }
}
