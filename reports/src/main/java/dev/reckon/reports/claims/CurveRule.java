package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.levelWords;

import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.claims.Outcome.LeftOut;
import dev.reckon.reports.claims.ResultSelection.CellLevel;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule about one model's curve over iteration counts on each selected level: {@link #curve} reads
 * it (empty when the level cannot decide), a curve with no count better than the {@code chance}
 * model outside the noise is at chance and decides nothing, and {@link #judge} decides the others.
 */
sealed interface CurveRule extends ClaimRule permits MoreIterations, DropAfterBest {
  String model();

  String task();

  List<String> levels();

  String metric();

  Chance chance();

  /** The measurements the rule reads on a level, ascending by count; empty when they cannot decide. */
  List<Measurement> curve(MeasurementIndex index, CellLevel s);

  Finding judge(MeasurementIndex index, CellLevel s, List<Measurement> curve);

  /** Why a curve above chance still decides nothing under the rule's own terms; empty when it decides. */
  default Optional<LeftOut> undecided(MeasurementIndex index, CellLevel s, List<Measurement> curve) {
    return Optional.empty();
  }

  /** What the rule looks for beyond the model, task and levels, e.g. {@code , iterations T, 4T}. */
  String sought();

  @Override
  default Optional<Subject> subject() {
    return Subject.of(task(), List.of(model()));
  }

  @Override
  default Outcome evaluate(MeasurementIndex index) {
    List<Finding> findings = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    for (CellLevel s : RuleSupport.cellLevels(index, task(), List.of(model()), levels(), metric())) {
      List<Measurement> curve = curve(index, s);
      if (curve.isEmpty()) {
        continue;
      }
      Optional<LeftOut> left = Chance.leftOut(chance(), index, s.task(), s.level(), s.metric(), curve)
          .map(atChance -> new LeftOut(atChance.reason(), atChance.numbers() + ", at every count"))
          .or(() -> undecided(index, s, curve));
      if (left.isPresent()) {
        leftOut.add(left.get());
      } else {
        findings.add(judge(index, s, curve));
      }
    }
    return Outcome.of(findings, leftOut, model() + " on " + task() + levelWords(levels()) + sought());
  }
}
