package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.ResultSelection.matches;
import static dev.reckon.reports.claims.RuleSupport.required;

import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A rule read at equal training compute (research note 000's question) instead of at the end of
 * training: {@code rule} decides on the scores of budgets.csv at the largest compute budget that
 * every model it reads reached ({@code budget: largest}, the default) or at every such budget
 * ({@code all}). {@code baselines} (e.g. {@code uniform}, for a chance check) are models that do
 * not train, read at the end of the run: they stand where they stand at every budget. Its
 * evidence names the budget and each model's training FLOPs there.
 */
record AtComputeBudget(String budget, List<String> baselines, ClaimRule rule) implements ClaimRule {
  private static final List<String> BUDGETS = List.of("largest", "all");

  public AtComputeBudget {
    required("rule", rule);
    if (rule.subject().isEmpty()) {
      throw new IllegalArgumentException("the rule of at_compute_budget must read a run's results (have a task)");
    }
    budget = budget == null ? "largest" : budget;
    baselines = baselines == null ? List.of() : List.copyOf(baselines);
    if (!BUDGETS.contains(budget)) {
      throw new IllegalArgumentException("budget is one of " + BUDGETS + ", not " + budget);
    }
  }

  @Override
  public Optional<Subject> subject() {
    return rule.subject();
  }

  @Override
  public Outcome evaluate(MeasurementIndex index) {
    RunResults run = index.run();
    Subject subject = rule.subject().orElseThrow();
    List<Double> reached = run.compute().stream().map(RunResults.ComputePoint::budget).distinct()
        .sorted(Comparator.reverseOrder()).filter(b -> subject.inResults(run.atComputeBudget(b, List.of()))).toList();
    if (reached.isEmpty()) {
      return new Outcome(ClaimStatus.NOT_MEASURED, List.of("no compute budget that " + subject.models() + " on "
          + subject.task() + " all reached"), "not evaluated at a common compute budget");
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (double at : budget.equals("all") ? reached : reached.subList(0, 1)) {
      Outcome outcome = rule.evaluate(new MeasurementIndex(run.atComputeBudget(at, baselines)));
      String where = "at " + Numbers.text(at) + " training FLOPs (" + flops(run, at, subject) + "): ";
      outcomes.add(new Outcome(outcome.status(), outcome.evidence().stream().map(line -> where + line).toList(),
          outcome.reason()));
    }
    ClaimStatus status = outcomes.stream().map(Outcome::status)
        .max(Comparator.comparingInt(AtComputeBudget::severity)).orElseThrow();
    return new Outcome(status, outcomes.stream().flatMap(o -> o.evidence().stream()).toList(),
        outcomes.stream().map(Outcome::reason).filter(r -> !r.isEmpty()).findFirst().orElse(""));
  }

  private static int severity(ClaimStatus status) {
    return List.of(ClaimStatus.REPRODUCED, ClaimStatus.CHECKED_BY_TESTS, ClaimStatus.NOT_MEASURED,
        ClaimStatus.NOT_REPRODUCED).indexOf(status);
  }

  /** E.g. {@code transformer-large 1.02e+09, recurrent-transformer 1.01e+09}: where each model stood. */
  private static String flops(RunResults run, double at, Subject subject) {
    Map<String, Double> byModel = new TreeMap<>();
    run.compute().stream().filter(p -> p.budget() == at && matches(subject.task(), p.result().task())
            && subject.models().stream().flatMap(List::stream).anyMatch(m -> matches(m, p.result().model())))
        .forEach(p -> byModel.putIfAbsent(p.result().model(), p.trainingFlops()));
    return byModel.entrySet().stream().map(e -> e.getKey() + " " + Numbers.text(e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
