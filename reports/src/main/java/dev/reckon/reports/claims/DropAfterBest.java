package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.required;
import static dev.reckon.reports.claims.RuleSupport.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.claims.Outcome.LeftOut;
import dev.reckon.reports.claims.ResultSelection.CellLevel;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Overthinking, or its absence, read from one cell's curve: on every selected level evaluated at two
 * counts or more, the drop from the count where the cell does best (the fewest on a tie) to its
 * largest count, beyond the noise (the lower end of the drop's 95% interval, paired where the
 * counts have outcomes, see {@link #beyondNoise}), is at most {@code at_most} (accuracy kept) or,
 * given {@code at_least} instead, at least that and above 0 (the model overthinks). A level where no
 * count is better than the {@code chance} model outside the noise decides nothing, nor one whose best
 * is below {@code best_at_least}: accuracy kept on a level the model hardly solves says little of
 * overthinking.
 */
record DropAfterBest(String model, String task, List<String> levels, String metric,
    @JsonProperty("at_most") Double atMost, @JsonProperty("at_least") Double atLeast,
    @JsonProperty("best_at_least") Double bestAtLeast, Chance chance) implements CurveRule {
  /** The reason of a level left out for a best below {@code best_at_least}. */
  static final String LITTLE_TO_KEEP = "best too low to judge";

  public DropAfterBest {
    required("model, task, levels", model, task, levels);
    if ((atMost == null) == (atLeast == null)) {
      throw new IllegalArgumentException("drop_after_best takes one bound: at_most (accuracy kept) or at_least "
          + "(the model overthinks)");
    }
    if ((atMost == null ? atLeast : atMost) < 0) {
      throw new IllegalArgumentException("the bound of drop_after_best is a drop, at least 0");
    }
  }

  /** Every count the cell was evaluated at; empty with fewer than two, where nothing can drop. */
  @Override
  public List<Measurement> curve(MeasurementIndex index, CellLevel s) {
    List<Measurement> curve = RuleSupport.everyCount(index, s);
    return curve.size() < 2 ? List.of() : curve;
  }

  @Override
  public Optional<LeftOut> undecided(MeasurementIndex index, CellLevel s, List<Measurement> curve) {
    Measurement best = RuleSupport.at(index, s, "best").orElseThrow();
    return bestAtLeast == null || best.value() >= bestAtLeast ? Optional.empty()
        : Optional.of(new LeftOut(LITTLE_TO_KEEP, String.format(Locale.ROOT, "%s on %s %s: %s best %s at %s, below %s",
            s.model(), s.task(), s.level(), s.metric(), text(best), RuleSupport.iterations(index, best),
            Numbers.text(bestAtLeast))));
  }

  @Override
  public Finding judge(MeasurementIndex index, CellLevel s, List<Measurement> curve) {
    Measurement best = RuleSupport.at(index, s, "best").orElseThrow();
    Measurement last = curve.get(curve.size() - 1);
    Comparison fell = Comparison.of(index, best, last);
    double drop = beyondNoise(fell);
    boolean holds = atMost != null ? drop <= atMost : drop >= atLeast && drop > 0;
    boolean atBest = best.iterations() == last.iterations();
    String fall = atBest ? "best at its largest count " + RuleSupport.iterations(index, last) + ": " + text(last)
        : String.format(Locale.ROOT, "best at %s: %s, at its largest count %s: %s; %s",
            RuleSupport.iterations(index, best), text(best), RuleSupport.iterations(index, last), text(last),
            drop > 0 ? "drops " + Numbers.text(drop) + " beyond the noise" : "no drop beyond the noise");
    return new Finding(holds, atMost != null ? atMost - drop : drop - atLeast, String.format(Locale.ROOT,
        "%s on %s %s, %s %s (needs a drop beyond the noise %s%s)", s.model(), s.task(), s.level(), s.metric(), fall,
        RuleSupport.bounds(atLeast, atMost), atBest ? "" : "; " + fell.text()));
  }

  /**
   * The drop from the best count to the last beyond the noise, in the metric's direction: the near
   * end of the 95% interval of best less last. Paired where the counts have outcomes (the cell's
   * own examples at both); else Newcombe's interval from the two intervals, as for independent
   * estimates, where the gap between the two intervals, which adds them outright, would let a true
   * drop of 0.5 to 0.315 on 200 strings pass as 0.049 beyond the noise.
   */
  private static double beyondNoise(Comparison bestAgainstLast) {
    return bestAgainstLast.higherIsBetter() ? bestAgainstLast.low() : -bestAgainstLast.high();
  }

  @Override
  public String sought() {
    return ", from its best count to its largest";
  }
}
