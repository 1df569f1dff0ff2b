package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.lead;
import static dev.reckon.reports.claims.RuleSupport.levelWords;
import static dev.reckon.reports.claims.RuleSupport.required;
import static dev.reckon.reports.claims.RuleSupport.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.claims.Outcome.LeftOut;
import dev.reckon.reports.claims.ResultSelection.CellLevel;
import dev.reckon.reports.claims.ResultSelection.ModelCell;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One model against another on the same levels: on every selected level the model is better than
 * {@code against} outside the noise (paired example by example where both have outcomes, see {@link
 * Comparison}; each finding names the test) and by at least {@code by}, or with {@code on_every:
 * not_worse}, not worse outside the noise; {@code on_some: better} also asks for a level where it is
 * better outside the noise. {@code at} names the iterations of the model (default {@code budget});
 * {@code against_at} those of the other (default {@code budget}); {@code at: common} compares both
 * at the largest count both were evaluated at, and {@code best} takes each model's best count. A
 * level where neither is better than {@code chance}, or both are at the {@link Ceiling}, decides
 * nothing; with {@code same_updates}, so does one where the two cells trained unequal updates (the
 * last update of their training curves): more accurate after more training is no like with like.
 */
record AboveModel(String model, String against, String task, List<String> levels, String metric, String at,
    @JsonProperty("against_at") String againstAt, @JsonProperty("on_every") Require onEvery,
    @JsonProperty("on_some") Require onSome, Double by, Chance chance,
    @JsonProperty("same_updates") Boolean sameUpdates) implements ClaimRule {
  /** The reason of a level left out because the two cells trained unequal updates. */
  static final String UNEQUAL_UPDATES = "trained unequal updates";

  /** What a comparison of two models must show on a level: better outside the noise, or not worse outside it. */
  enum Require {
    @JsonProperty("better") BETTER,
    @JsonProperty("not_worse") NOT_WORSE
  }

  public AboveModel {
    required("model, against, task, levels", model, against, task, levels);
    at = at == null ? "budget" : at;
    againstAt = againstAt == null ? (at.equals("common") || at.equals("best") ? at : "budget") : againstAt;
    onEvery = onEvery == null ? Require.BETTER : onEvery;
    by = by == null ? 0.0 : by;
    sameUpdates = sameUpdates != null && sameUpdates;
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, List.of(model), List.of(against));
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    List<Finding> findings = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    boolean anyBetter = false;
    for (CellLevel s : RuleSupport.cellLevels(index, task, List.of(model), levels, metric)) {
      Optional<CellLevel> other = counterpart(index, s);
      if (other.isEmpty()) {
        continue;
      }
      Optional<LeftOut> unequal = unequalUpdates(index, s, other.get());
      if (unequal.isPresent()) {
        leftOut.add(unequal.get());
        continue;
      }
      Optional<Measurement[]> pair = pair(index, s, other.get());
      if (pair.isEmpty()) {
        continue;
      }
      Measurement mine = pair.get()[0];
      Measurement theirs = pair.get()[1];
      Optional<LeftOut> chanceLevel = Chance.leftOut(chance, index, s.task(), s.level(), s.metric(),
          List.of(mine, theirs)).or(() -> Ceiling.leftOut(index, s.task(), s.level(), s.metric(), List.of(mine, theirs)));
      if (chanceLevel.isPresent()) {
        leftOut.add(chanceLevel.get());
        continue;
      }
      double lead = lead(index, mine, theirs);
      Comparison comparison = Comparison.of(index, mine, theirs);
      boolean isBetter = comparison.better() && lead >= by;
      anyBetter |= isBetter;
      boolean holds = onEvery == Require.BETTER ? isBetter : !comparison.worse();
      String verdict = comparison.better() ? "better outside the noise" : comparison.worse()
          ? "worse outside the noise" : "within the noise";
      findings.add(new Finding(holds, lead - by, String.format(Locale.ROOT,
          "%s %s vs %s %s on %s %s (%s, %s): %s (%s%s)", mine.model(), text(mine), theirs.model(), text(theirs),
          s.task(), s.level(), s.metric(), counts(index, mine, theirs), verdict, comparison.text(),
          onEvery == Require.BETTER && by > 0 ? "; needs a lead of at least " + Numbers.text(by) : "")));
    }
    if (onSome == Require.BETTER && !findings.isEmpty() && !anyBetter) {
      findings.add(new Finding(false, 0, model + " is better than " + against + " outside the noise on none of "
          + "the levels"));
    }
    return Outcome.of(findings, leftOut, model + " and " + against + " on " + task + levelWords(levels));
  }

  /** With {@code same_updates}, the updates of two cells that trained unequally; empty otherwise. */
  private Optional<LeftOut> unequalUpdates(MeasurementIndex index, CellLevel mine, CellLevel other) {
    long a = TrainingCurves.updates(index, model, mine.task(), mine.cell().trainLevel());
    long b = TrainingCurves.updates(index, against, other.task(), other.cell().trainLevel());
    return !sameUpdates || a == b ? Optional.empty() : Optional.of(new LeftOut(UNEQUAL_UPDATES, String.format(
        Locale.ROOT, "%s %s: %s trained %d updates, %s %d", mine.task(), mine.level(), model, a, against, b)));
  }

  /** The other model's cell on the same level: trained on the same level when it has that cell. */
  private Optional<CellLevel> counterpart(MeasurementIndex index, CellLevel s) {
    String trainLevel = index.budget(against, s.task(), s.cell().trainLevel()) > 0 ? s.cell().trainLevel()
        : index.atBudget(against, s.task(), s.level(), s.metric()).map(Measurement::trainLevel).orElse(null);
    return trainLevel == null ? Optional.empty()
        : Optional.of(new CellLevel(new ModelCell(against, s.task(), trainLevel), s.level(), s.metric()));
  }

  private Optional<Measurement[]> pair(MeasurementIndex index, CellLevel mine, CellLevel other) {
    if (at.equals("common")) {
      Map<Integer, Measurement> theirs = new LinkedHashMap<>();
      RuleSupport.everyCount(index, other).forEach(m -> theirs.put(m.iterations(), m));
      List<Measurement> shared = RuleSupport.everyCount(index, mine).stream()
          .filter(m -> theirs.containsKey(m.iterations())).toList();
      return shared.isEmpty() ? Optional.empty() : Optional.of(new Measurement[] {shared.get(shared.size() - 1),
          theirs.get(shared.get(shared.size() - 1).iterations())});
    }
    Optional<Measurement> a = RuleSupport.at(index, mine, at);
    Optional<Measurement> b = RuleSupport.at(index, other, againstAt);
    return a.isPresent() && b.isPresent() ? Optional.of(new Measurement[] {a.get(), b.get()}) : Optional.empty();
  }

  private static String counts(MeasurementIndex index, Measurement mine, Measurement theirs) {
    if (mine.iterations() == theirs.iterations()) {
      String a = RuleSupport.iterations(index, mine);
      String b = RuleSupport.iterations(index, theirs);
      return "both at " + Numbers.count(mine.iterations(), "iteration") + (a.contains("T") || b.contains("T")
          ? " (" + mine.model() + " " + a.replaceFirst(" = \\d+$", "") + ", " + theirs.model() + " "
              + b.replaceFirst(" = \\d+$", "") + ")" : "");
    }
    return mine.model() + " at " + RuleSupport.iterations(index, mine) + ", " + theirs.model() + " at "
        + RuleSupport.iterations(index, theirs) + (theirs.iterations() == 1 ? " iteration" : " iterations");
  }
}
