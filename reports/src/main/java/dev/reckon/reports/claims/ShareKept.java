package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.levelWords;
import static dev.reckon.reports.claims.RuleSupport.required;
import static dev.reckon.reports.claims.RuleSupport.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.claims.ResultSelection.CellLevel;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Generalisation as a share: on every selected level (typically {@code harder}) the model at
 * iterations {@code at} keeps at least {@code at_least} of what it scores on its training level at
 * the same iterations (a metric where higher is better; a cell that scores 0 on its training level
 * has nothing to keep and decides nothing).
 */
record ShareKept(String model, String task, List<String> levels, String metric, String at,
    @JsonProperty("at_least") Double atLeast) implements ClaimRule {
  public ShareKept {
    required("model, task, levels, at_least", model, task, levels, atLeast);
    at = at == null ? "budget" : at;
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, List.of(model));
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    List<Finding> findings = new ArrayList<>();
    for (CellLevel s : RuleSupport.cellLevels(index, task, List.of(model), levels, metric)) {
      CellLevel training = new CellLevel(s.cell(), s.cell().trainLevel(), s.metric());
      Optional<Measurement> here = RuleSupport.at(index, s, at);
      Optional<Measurement> there = RuleSupport.at(index, training, at);
      if (here.isEmpty() || there.isEmpty() || there.get().value() <= 0 || s.level().equals(training.level())) {
        continue;
      }
      double share = here.get().value() / there.get().value();
      findings.add(new Finding(share >= atLeast, share - atLeast, String.format(Locale.ROOT,
          "%s on %s %s at %s: %s %s against %s on its training level %s, a share of %s (needs >= %s)", s.model(),
          s.task(), s.level(), RuleSupport.iterations(index, here.get()), s.metric(), text(here.get()),
          text(there.get()), training.level(), Numbers.text(share), Numbers.text(atLeast))));
    }
    return Outcome.of(findings, model + " on " + task + levelWords(levels) + " and its training level at " + at);
  }
}
