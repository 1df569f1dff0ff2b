package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.ResultSelection.matches;
import static dev.reckon.reports.claims.RuleSupport.required;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.reckon.reports.claims.ResultSelection.TaskLevel;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.List;
import java.util.Optional;

/**
 * Models by id pattern; {@code d_below} and {@code d_at_least} keep, of the models whose id names a
 * representation dimension, those in range (a model without one, e.g. a cross-encoder, stays).
 */
record ModelGroup(List<String> models, @JsonProperty("d_below") Integer dBelow,
    @JsonProperty("d_at_least") Integer dAtLeast) {
  public ModelGroup {
    required("models", models);
  }

  boolean contains(String model) {
    Optional<Integer> d = MeasurementIndex.dimension(model);
    return models.stream().anyMatch(pattern -> matches(pattern, model))
        && (d.isEmpty() || ((dBelow == null || d.get() < dBelow) && (dAtLeast == null || d.get() >= dAtLeast)));
  }

  List<Measurement> measurements(MeasurementIndex index, TaskLevel at) {
    return index.models(at.task()).stream().filter(this::contains)
        .flatMap(model -> index.atBudget(model, at.task(), at.level(), at.metric()).stream()).toList();
  }

  String describe() {
    String range = (dBelow == null ? "" : " d < " + dBelow) + (dAtLeast == null ? "" : " d >= " + dAtLeast);
    return "{" + String.join(", ", models) + (range.isEmpty() ? "" : " with" + range) + "}";
  }
}
