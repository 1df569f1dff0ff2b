package dev.reckon.reports.claims;

import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run read as its claims are decided: pooled over its training seeds (the across-seed means), and,
 * with several seeds, on each seed alone ({@link RunResults#atSeed}), so that a verdict can say how
 * many seeds agree.
 *
 * @param pooled the run's measurements averaged over seeds
 * @param bySeed per training seed, ascending, the run as that seed saw it; empty with one seed,
 *     where the pooled reading is the seed's
 */
public record SeedReadings(MeasurementIndex pooled, Map<Long, MeasurementIndex> bySeed) {
  public SeedReadings {
    bySeed = Collections.unmodifiableMap(new LinkedHashMap<>(bySeed));
  }

  public static SeedReadings of(RunResults run) {
    Map<Long, MeasurementIndex> bySeed = new LinkedHashMap<>();
    if (run.seeds().size() > 1) {
      run.seeds().forEach(seed -> bySeed.put(seed, new MeasurementIndex(run.atSeed(seed))));
    }
    return new SeedReadings(new MeasurementIndex(run), bySeed);
  }

  /** How many training seeds the run has. */
  int seeds() {
    return Math.max(1, bySeed.size());
  }
}
