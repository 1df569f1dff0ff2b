package dev.reckon.reports.claims;

import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import dev.reckon.reports.measurements.OutcomeIndex;
import dev.reckon.reports.measurements.OutcomeIndex.Seeded;
import dev.reckon.reports.stats.DiscordantExamples;
import dev.reckon.reports.stats.PairedDifference;
import dev.reckon.reports.stats.UnpairedDifference;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Two measurements of one reading of a run (pooled over its seeds, or one seed alone), {@code a}
 * against {@code b}, compared outside the noise: the rule every claim rule decides "better" by.
 *
 * <p>Paired where both are proportions over the same examples: both have per-example outcomes
 * (outcomes.csv), and at every pair of seeds the two evaluation sets are shown the same (the same
 * cell's level, or equal sha256 in cells.csv) and equal in size. The seeds paired are those both
 * numbers have, or, where one is of a single seed (a model run once: a baseline, a classical
 * reference), that seed with each of the other's, as {@link
 * dev.reckon.reports.format.RunResults#atSeed} reads it; so a reading of one seed pairs that seed
 * alone, and the pooled reading combines every seed by adding their discordant examples (the
 * stratified McNemar test, {@link DiscordantExamples}). {@code a} is then above {@code b} outside
 * the noise when McNemar's exact two-sided p-value is below 0.05 and more examples go {@code a}'s
 * way. Paired, the noise is only in the examples the two disagree on; two separate intervals must
 * be far more apart before they stop overlapping.
 *
 * <p>Elsewhere (no outcomes: a metric that is no proportion over examples, a task that gives none,
 * a run of format 2, the scores of budgets.csv; or evaluation sets not shown the same) the rule is
 * the two 95% intervals': above when {@code a}'s value is above and the intervals do not overlap.
 * The intervals are those of results.csv (Wilson for proportions) with one seed, Student's t over the
 * seeds' values with several, never narrower than the seeds' own (see {@link Measurement}).
 *
 * @param difference {@code a - b}: paired, the difference over the examples paired
 * @param low the lower end of its 95% interval: paired, or Newcombe's from the two intervals
 * @param high its upper end
 * @param pValue McNemar's exact p-value when paired, else NaN
 * @param above {@code a} is above {@code b} outside the noise, whatever the metric's direction
 * @param below {@code a} is below {@code b} outside the noise
 * @param higherIsBetter the metric's direction
 * @param basis which test decided: {@code paired McNemar over 3 seeds}, or {@code by the
 *     intervals, unpaired: } and why, e.g. {@code neither has outcomes}
 */
record Comparison(double difference, double low, double high, double pValue, boolean above, boolean below,
    boolean higherIsBetter, String basis) {
  static Comparison of(MeasurementIndex index, Measurement a, Measurement b) {
    boolean higher = index.higherIsBetter(a.task(), a.metric());
    Map<Long, Seeded> seedsA = index.outcomes().bySeed(a.key());
    Map<Long, Seeded> seedsB = index.outcomes().bySeed(b.key());
    List<long[]> pairs = pairs(a, seedsA, b, seedsB);
    Optional<String> unpaired = seedsA.isEmpty() || seedsB.isEmpty() ? Optional.of(missing(a, seedsA, b, seedsB))
        : pairs.isEmpty() ? Optional.of("no seed with outcomes of both")
        : pairs.stream().map(pair -> differing(seedsA.get(pair[0]), seedsB.get(pair[1]))).flatMap(Optional::stream)
            .findFirst();
    if (unpaired.isPresent()) {
      UnpairedDifference d = UnpairedDifference.of(b.value(), b.ciLow(), b.ciHigh(), a.value(), a.ciLow(),
          a.ciHigh());
      return new Comparison(d.difference(), d.low(), d.high(), Double.NaN, apart(a, b), apart(b, a), higher,
          "by the intervals, unpaired: " + unpaired.get());
    }
    // b first, so that the difference is a - b
    PairedDifference d = OutcomeIndex.discordant(pairs.stream().map(pair -> new long[] {pair[1], pair[0]}).toList(),
        seedsB, seedsA).difference();
    boolean decided = d.beyondNoise();
    return new Comparison(d.difference(), d.low(), d.high(), d.pValue(), decided && d.difference() > 0,
        decided && d.difference() < 0, higher, String.format(Locale.ROOT, "paired McNemar over %d seed%s",
            pairs.size(), pairs.size() == 1 ? "" : "s"));
  }

  /** {@code a} is better than {@code b} outside the noise, in the metric's direction. */
  boolean better() {
    return higherIsBetter ? above : below;
  }

  /** {@code a} is worse than {@code b} outside the noise, in the metric's direction. */
  boolean worse() {
    return higherIsBetter ? below : above;
  }

  boolean paired() {
    return !Double.isNaN(pValue);
  }

  /**
   * Which test decided, with its numbers when paired, e.g. {@code paired McNemar over 3 seeds: +0.31
   * [0.27, 0.35], p = 1.2e-5} or {@code by the intervals, unpaired: no outcomes of learned-adjacency}.
   */
  String text() {
    return paired() ? basis + ": " + Numbers.change(difference) + " " + Numbers.interval(low, high) + ", p = "
        + Numbers.probability(pValue) : basis;
  }

  /** The tests of several comparisons, each once, e.g. for a rule that made many. */
  static String bases(List<Comparison> comparisons) {
    return String.join("; ", comparisons.stream().map(Comparison::basis).distinct().toList());
  }

  /**
   * Comparisons as a list by their labels, each paired one with its numbers, e.g. {@code 8 to 16
   * (paired McNemar over 3 seeds: -0.06 [-0.08, -0.04], p = 1.2e-9), 16 to 32}; {@link
   * #unpairedBases} says the test of the others.
   */
  static String listed(List<String> labels, List<Comparison> comparisons) {
    return String.join(", ", IntStream.range(0, labels.size()).mapToObj(i -> labels.get(i)
        + (comparisons.get(i).paired() ? " (" + comparisons.get(i).text() + ")" : "")).toList());
  }

  /**
   * The tests of the unpaired comparisons among {@code comparisons}, each once, e.g. {@code " (by the
   * intervals, unpaired: neither has outcomes)"}: the same words for each, so said after a list
   * rather than in it; empty when every one is paired.
   */
  static String unpairedBases(List<Comparison> comparisons) {
    List<Comparison> unpaired = comparisons.stream().filter(c -> !c.paired()).toList();
    return unpaired.isEmpty() ? "" : " (" + bases(unpaired) + ")";
  }

  /** Today's rule without outcomes: {@code a}'s value above and the two intervals apart. */
  private static boolean apart(Measurement a, Measurement b) {
    return a.value() > b.value() && a.ciLow() > b.ciHigh();
  }

  /** The seeds paired, a's then b's: each with each where either number is of one seed, else those both have. */
  private static List<long[]> pairs(Measurement a, Map<Long, Seeded> seedsA, Measurement b, Map<Long, Seeded> seedsB) {
    if (a.seeds() == 1 || b.seeds() == 1) {
      return seedsA.keySet().stream().flatMap(x -> seedsB.keySet().stream().map(y -> new long[] {x, y})).toList();
    }
    return seedsA.keySet().stream().filter(seedsB::containsKey).map(seed -> new long[] {seed, seed}).toList();
  }

  /** Whose outcomes are missing; the same words wherever neither has any, so that a rule's many say it once. */
  private static String missing(Measurement a, Map<Long, Seeded> seedsA, Measurement b, Map<Long, Seeded> seedsB) {
    return seedsA.isEmpty() && seedsB.isEmpty() ? "neither has outcomes"
        : "no outcomes of " + (seedsA.isEmpty() ? a.model() : b.model());
  }

  /**
   * Why two cells' outcomes cannot be paired, empty when they can. Two models' evaluation sets are
   * the same only where their sha256 say so: the examples of a level are the same for every model
   * of a run, but a task may draw them per seed, and without a sha256 nothing shows it does not.
   * One cell's outcomes at two iteration counts are over its own examples by construction.
   */
  private static Optional<String> differing(Seeded a, Seeded b) {
    String seeds = a.outcomes().seed() == b.outcomes().seed() ? "seed " + a.outcomes().seed()
        : "seeds " + a.outcomes().seed() + " and " + b.outcomes().seed();
    if (a.outcomes().n() != b.outcomes().n()) {
      return Optional.of(String.format(Locale.ROOT, "the evaluation sets of %s differ (%d and %d examples)", seeds,
          a.outcomes().n(), b.outcomes().n()));
    }
    if (sameCell(a, b)) {
      return Optional.empty();
    }
    if (a.evalSha256().isEmpty() || b.evalSha256().isEmpty()) {
      return Optional.of("no sha256 shows the evaluation sets of " + seeds + " the same");
    }
    return a.evalSha256().equals(b.evalSha256()) ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
        "the evaluation sets of %s differ (sha256 %s... and %s...)", seeds, a.evalSha256().substring(0, 12),
        b.evalSha256().substring(0, 12)));
  }

  private static boolean sameCell(Seeded a, Seeded b) {
    return a.outcomes().model().equals(b.outcomes().model()) && a.outcomes().task().equals(b.outcomes().task())
        && a.outcomes().trainLevel().equals(b.outcomes().trainLevel()) && a.outcomes().seed() == b.outcomes().seed()
        && a.outcomes().evalLevel().equals(b.outcomes().evalLevel());
  }
}
