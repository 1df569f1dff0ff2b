package dev.reckon.reports.check;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.boards.Board;
import dev.reckon.reports.check.RunComparison.Verdict;
import dev.reckon.reports.format.RunFormat.Column;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.Measurement.Key;
import dev.reckon.reports.measurements.OutcomeIndex;
import dev.reckon.reports.measurements.OutcomeIndex.Seeded;
import dev.reckon.reports.stats.DiscordantExamples;
import dev.reckon.reports.stats.PairedDifference;
import dev.reckon.reports.stats.UnpairedDifference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Two runs, A and B, number by number (model, task, train level, eval level, iteration count,
 * metric): the difference B - A with its 95% interval and a verdict, better, worse or within the
 * noise in the metric's direction.
 *
 * <p>Where both runs stored the per-example outcomes (outcomes.csv) the difference is paired: every
 * seed evaluates on the same examples, so each pair of seeds contributes its discordant examples,
 * {@code b} counted by A only and {@code c} by B only; the seeds both runs have are paired with
 * themselves (runs at different seeds: A's with B's in order), and the pairs are combined by adding
 * their discordant counts and their examples (the stratified McNemar test, {@link
 * DiscordantExamples}); the difference is {@code (c - b) / n} over all of them, with the paired
 * interval and McNemar's exact p-value of {@link PairedDifference}. Pairing is refused, and the row
 * says why, when a pair's evaluation sets differ (their sha256 in cells.csv, or their size). The
 * claims pair two models of one run by the same statistics ({@code claims.Comparison}).
 *
 * <p>Elsewhere (no outcomes in one run, evaluation sets that differ or not shown equal) the
 * difference is unpaired: its interval is Newcombe's, from the two runs' own intervals ({@link
 * UnpairedDifference}), and the verdict reads it as the paired one.
 */
public final class PairedComparison {
  /**
   * One number of both runs.
   *
   * @param a run A's measurement, null when A lacks the number ({@link Verdict#NEW})
   * @param b run B's, null when B lacks it ({@link Verdict#MISSING})
   * @param difference B - A, NaN when either lacks the number
   * @param low the lower end of the difference's 95% interval
   * @param high its upper end
   * @param pValue McNemar's exact p-value when paired, else NaN
   * @param pairedSeeds the seeds paired, empty when unpaired
   * @param basis how the difference was taken: {@code paired}, or why not ({@code unpaired: ...})
   */
  public record Row(Key key, Measurement a, Measurement b, boolean higherIsBetter, double difference, double low,
      double high, double pValue, List<Long> pairedSeeds, String basis, Verdict verdict) {
    public Row {
      requireNonNull(key, "key is null");
      pairedSeeds = List.copyOf(pairedSeeds);
      requireNonNull(basis, "basis is null");
      requireNonNull(verdict, "verdict is null");
    }

    public boolean paired() {
      return !pairedSeeds.isEmpty();
    }

    /**
     * Whether the whole interval lies worse than {@code tolerance} (in the metric's unit and
     * direction): B is worse than A by more than the tolerance beyond chance.
     */
    public boolean worseBeyond(double tolerance) {
      return higherIsBetter ? high < -tolerance : low > tolerance;
    }
  }

  private final RunResults a;
  private final RunResults b;
  private final Map<Key, Row> rows;

  private PairedComparison(RunResults a, RunResults b, Map<Key, Row> rows) {
    this.a = a;
    this.b = b;
    this.rows = rows;
  }

  public static PairedComparison of(RunResults a, RunResults b) {
    requireNonNull(a, "a is null");
    requireNonNull(b, "b is null");
    Map<Key, Measurement> measuredA = Measurement.of(a);
    Map<Key, Measurement> measuredB = Measurement.of(b);
    OutcomeIndex outcomesA = new OutcomeIndex(a);
    OutcomeIndex outcomesB = new OutcomeIndex(b);
    Set<Key> keys = new LinkedHashSet<>(measuredA.keySet());
    keys.addAll(measuredB.keySet());
    Map<Key, Row> rows = new LinkedHashMap<>();
    for (Key key : keys) {
      boolean higher = RunComparison.higherIsBetter(key, b, a);
      Measurement before = measuredA.get(key);
      Measurement after = measuredB.get(key);
      if (before == null || after == null) {
        rows.put(key, new Row(key, before, after, higher, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(),
            before == null ? "only in B" : "only in A", before == null ? Verdict.NEW : Verdict.MISSING));
      } else {
        rows.put(key, compare(key, before, after, higher, outcomesA.bySeed(key), outcomesB.bySeed(key)));
      }
    }
    return new PairedComparison(a, b, Collections.unmodifiableMap(rows));
  }

  public RunResults a() {
    return a;
  }

  public RunResults b() {
    return b;
  }

  /** Every number of either run, A's first in their order. */
  public List<Row> rows() {
    return List.copyOf(rows.values());
  }

  /** The row of {@code key}, if either run has the number. */
  public Optional<Row> row(Key key) {
    return Optional.ofNullable(rows.get(key));
  }

  private static Row compare(Key key, Measurement before, Measurement after, boolean higher, Map<Long, Seeded> seedsA,
      Map<Long, Seeded> seedsB) {
    String unpaired;
    if (seedsA.isEmpty() || seedsB.isEmpty()) {
      unpaired = "unpaired: no outcomes in " + (seedsA.isEmpty() && seedsB.isEmpty() ? "A or B"
          : seedsA.isEmpty() ? "A" : "B");
    } else {
      List<long[]> pairs = pairs(seedsA, seedsB);
      unpaired = pairs.isEmpty() ? "unpaired: no seed in common, and no sha256 shows their evaluation sets equal"
          : differingData(pairs, seedsA, seedsB);
      if (unpaired.isEmpty()) {
        DiscordantExamples discordant = OutcomeIndex.discordant(pairs, seedsA, seedsB);
        PairedDifference paired = discordant.difference();
        boolean same = pairs.stream().allMatch(pair -> pair[0] == pair[1]);
        return new Row(key, before, after, higher, paired.difference(), paired.low(), paired.high(), paired.pValue(),
            pairs.stream().map(pair -> pair[0]).toList(), String.format(Locale.ROOT,
                "paired: %d seed%s%s, %d examples, %d A only, %d B only", pairs.size(), pairs.size() == 1 ? "" : "s",
                same ? "" : " (A's with B's in order)", discordant.examples(), discordant.onlyFirst(),
                discordant.onlySecond()),
            !paired.beyondNoise() ? Verdict.WITHIN_NOISE
                : (paired.difference() > 0) == higher ? Verdict.BETTER : Verdict.WORSE);
      }
    }
    UnpairedDifference difference = UnpairedDifference.of(before.value(), before.ciLow(), before.ciHigh(),
        after.value(), after.ciLow(), after.ciHigh());
    return new Row(key, before, after, higher, difference.difference(), difference.low(), difference.high(),
        Double.NaN, List.of(), unpaired, verdict(difference.low(), difference.high(), higher));
  }

  /**
   * The seeds paired, A's then B's: each seed both runs have with itself; when they share none (runs
   * at different seeds, which evaluate on the same examples), A's seeds with B's in ascending order,
   * as many as the fewer, where both name their evaluation set's sha256 ({@link #differingData}
   * then holds them to it). Empty when nothing can be paired.
   */
  private static List<long[]> pairs(Map<Long, Seeded> seedsA, Map<Long, Seeded> seedsB) {
    List<Long> common = seedsA.keySet().stream().filter(seedsB::containsKey).sorted().toList();
    if (!common.isEmpty()) {
      return common.stream().map(seed -> new long[] {seed, seed}).toList();
    }
    List<Long> inA = seedsA.keySet().stream().sorted().toList();
    List<Long> inB = seedsB.keySet().stream().sorted().toList();
    return IntStream.range(0, Math.min(inA.size(), inB.size()))
        .filter(i -> !seedsA.get(inA.get(i)).evalSha256().isEmpty() && !seedsB.get(inB.get(i)).evalSha256().isEmpty())
        .mapToObj(i -> new long[] {inA.get(i), inB.get(i)}).toList();
  }

  /** Why the pairs cannot be paired, or empty when they can: the first pair whose evaluation sets differ. */
  private static String differingData(List<long[]> pairs, Map<Long, Seeded> seedsA, Map<Long, Seeded> seedsB) {
    for (long[] pair : pairs) {
      Seeded inA = seedsA.get(pair[0]);
      Seeded inB = seedsB.get(pair[1]);
      String seeds = pair[0] == pair[1] ? "seed " + pair[0] : "seed " + pair[0] + " in A and seed " + pair[1] + " in B";
      if (!inA.evalSha256().isEmpty() && !inB.evalSha256().isEmpty()
          && !inA.evalSha256().equals(inB.evalSha256())) {
        return String.format(Locale.ROOT, "unpaired: the evaluation sets of %s differ (sha256 %s... in A, %s... "
            + "in B)", seeds, inA.evalSha256().substring(0, 12), inB.evalSha256().substring(0, 12));
      }
      if (inA.outcomes().n() != inB.outcomes().n()) {
        return String.format(Locale.ROOT, "unpaired: the evaluation sets of %s differ (%d examples in A, %d in "
            + "B)", seeds, inA.outcomes().n(), inB.outcomes().n());
      }
    }
    return "";
  }

  private static Verdict verdict(double low, double high, boolean higherIsBetter) {
    if (!(low > 0 || high < 0)) {
      return Verdict.WITHIN_NOISE;
    }
    return (low > 0) == higherIsBetter ? Verdict.BETTER : Verdict.WORSE;
  }

  /** The comparison as a table: a row a number, A's and B's values, the difference, its interval and verdict. */
  public Board toBoard() {
    List<String> header = List.of(Column.MODEL.id(), Column.TASK.id(), Column.TRAIN_LEVEL.id(), Column.EVAL_LEVEL.id(),
        Column.ITERATIONS.id(), Column.METRIC.id(), "a", "b", "difference", "ci_low", "ci_high", "p_value",
        "verdict", "basis");
    List<List<Object>> table = new ArrayList<>();
    for (Row row : rows.values()) {
      Key key = row.key();
      table.add(List.of(key.model(), key.task(), key.trainLevel(), key.evalLevel(), key.iterations(), key.metric(),
          Board.optional(row.a() == null ? null : row.a().value()),
          Board.optional(row.b() == null ? null : row.b().value()), number(row.difference()), number(row.low()),
          number(row.high()), number(row.pValue()), row.verdict().text(), row.basis()));
    }
    return new Board("comparison", header, table);
  }

  private static Object number(double value) {
    return Board.optional(Double.isNaN(value) ? null : value);
  }
}
