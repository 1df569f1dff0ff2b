package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.ResultSelection.matches;
import static dev.reckon.reports.claims.RuleSupport.required;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reckon.reports.claims.Outcome.Finding;
import dev.reckon.reports.format.RunResults.Cell;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The linear probe (research note 000): after training, every selected model's token embeddings
 * give a cross-validated R^2 of at least {@code at_least} for what the task's tokens stand for,
 * and beat the control (the same probe fitted to coordinates shuffled among the tokens) by at
 * least {@code above_control}. Means over seeds. The bounds are margins, as a threshold's are.
 */
record Probe(List<String> models, String task, @JsonProperty("at_least") Double atLeast,
    @JsonProperty("above_control") Double aboveControl) implements ClaimRule {
  public Probe {
    required("models, task, at_least, above_control", models, task, atLeast, aboveControl);
  }

  @Override
  public Optional<Subject> subject() {
    return Subject.of(task, models);
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    Map<List<String>, List<Cell>> probed = index.run().cells().stream()
        .filter(c -> !Double.isNaN(c.probeR2()) && matches(task, c.task())
            && models.stream().anyMatch(pattern -> matches(pattern, c.model())))
        .collect(Collectors.groupingBy(c -> List.of(c.model(), c.task(), c.trainLevel()), LinkedHashMap::new,
            Collectors.toList()));
    List<Finding> findings = new ArrayList<>();
    probed.forEach((cell, seeds) -> {
      double r2 = seeds.stream().mapToDouble(Cell::probeR2).average().orElseThrow();
      double control = seeds.stream().mapToDouble(Cell::probeR2Shuffled).average().orElseThrow();
      double margin = Math.min(r2 - atLeast, r2 - control - aboveControl);
      findings.add(new Finding(margin >= 0, margin, String.format(Locale.ROOT,
          "%s on %s (trained on %s, %d seed%s): probe R^2 %s, shuffled control %s (needs >= %s, and %s above "
              + "the control)", cell.get(0), cell.get(1), cell.get(2), seeds.size(), seeds.size() == 1 ? "" : "s",
          Numbers.text(r2), Numbers.text(control), Numbers.text(atLeast), Numbers.text(aboveControl))));
    });
    return Outcome.of(findings, "the probe of " + String.join(", ", models) + " on " + task);
  }
}
