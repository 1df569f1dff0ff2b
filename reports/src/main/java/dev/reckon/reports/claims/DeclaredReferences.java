package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.RuleSupport.required;

import dev.reckon.api.Metric;
import dev.reckon.api.Metric.Direction;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the run's tasks declare of their references, on any task, built-in or a plugin's: with
 * {@code references: oracle}, the oracle on every task with a reference solver; with {@code
 * references: classical}, each model a task names as its classical reference. Each such model scores
 * the best value of the task's primary metric (1 for a fraction where higher is better, 0 where lower
 * is) on every level at its full budget; a classical reference also scores no worse outside the noise
 * as its iteration count grows ({@link MoreIterations} without a rise). A task whose primary metric
 * has no known best is held to the second alone. Tasks are read from the run's manifest, so a run
 * made before tasks declared their references has none.
 */
record DeclaredReferences(String references) implements ClaimRule {
  static final String ORACLE = "oracle";
  static final String CLASSICAL = "classical";

  public DeclaredReferences {
    required("references", references);
    if (!references.equals(ORACLE) && !references.equals(CLASSICAL)) {
      throw new IllegalArgumentException("references is '" + references + "'; it is " + ORACLE + " or " + CLASSICAL);
    }
  }

  /** The models and tasks it speaks of depend on what the run's tasks declare: see {@link #speaksOf}. */
  @Override
  public Optional<Subject> subject() {
    return Optional.empty();
  }

  @Override
  public Optional<Boolean> speaksOf(RunResults run) {
    return Optional.of(declared(run).stream().anyMatch(pair -> Subject.of(pair.task(), List.of(pair.model()))
        .orElseThrow().in(run)));
  }

  @Override
  public boolean measurableWith(RunResults run) {
    return run.offered().isEmpty() || declared(run).stream().anyMatch(pair -> run.offered().contains(pair.model()));
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Declared pair : declared(index.run())) {
      TaskInfo task = index.run().tasks().get(pair.task());
      String metric = task.primaryMetric();
      new Metric(metric, task.higherIsBetter(metric) ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER,
          task.unit(metric), "").best().ifPresent(value -> outcomes.add(new Threshold(List.of(pair.model()), pair.task(), List.of("all"), metric,
          task.higherIsBetter(metric) ? value : null, task.higherIsBetter(metric) ? null : value).evaluate(index)));
      if (references.equals(CLASSICAL)) {
        outcomes.add(new MoreIterations(pair.model(), pair.task(), List.of("all"), metric, List.of("all"), false, null)
            .evaluate(index));
      }
    }
    List<Outcome> measured = outcomes.stream().filter(o -> o.status() != ClaimStatus.NOT_MEASURED).toList();
    if (measured.isEmpty()) {
      return new Outcome(ClaimStatus.NOT_MEASURED, List.of("no results of a task's declared " + references
          + " reference"), "");
    }
    boolean holds = measured.stream().allMatch(o -> o.status() == ClaimStatus.REPRODUCED);
    return new Outcome(holds ? ClaimStatus.REPRODUCED : ClaimStatus.NOT_REPRODUCED, measured.stream()
        .sorted(Comparator.comparing(o -> o.status() == ClaimStatus.REPRODUCED))
        .flatMap(o -> o.evidence().stream()).toList(), "");
  }

  /** A model a task declares as its reference of this rule's kind. */
  private record Declared(String task, String model) {}

  private List<Declared> declared(RunResults run) {
    return run.tasks().values().stream().sorted(Comparator.comparing(TaskInfo::id))
        .flatMap(task -> (references.equals(ORACLE) ? (task.referenceSolver() ? List.of(ORACLE) : List.<String>of())
            : task.classicalReferences()).stream().map(model -> new Declared(task.id(), model)))
        .toList();
  }
}
