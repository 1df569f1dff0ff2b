package dev.reckon.api;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A benchmark task at its settings: it declares its {@link Format}, generates seeded data by
 * level and scores predictions.
 *
 * <p>Determinism: the same factory version, settings, task seed, level, count and data seed give
 * identical data on any machine.
 */
public interface Task {
  /** The shape of the data and what a model must know to be right; models decide on it. */
  Format format();

  /** The generated levels, easiest first; at least one. Ids: letters, digits, {@code . _ -}. */
  List<Level> levels();

  /**
   * The level with this id. Tasks may accept ids beyond {@link #levels()}, such as a file of
   * published puzzles; an unknown id throws {@link IllegalArgumentException} naming it.
   */
  default Level level(String id) {
    return levels().stream()
        .filter(level -> level.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no level '" + id + "'; the levels are "
            + levels().stream().map(Level::id).collect(Collectors.joining(", "))));
  }

  /** The metrics {@link #score} reports; the first is the primary one that ranks leaderboards. */
  List<Metric> metrics();

  /** {@code count} examples of {@code level}, with answers, fully determined by {@code seed}. */
  Dataset generate(Level level, int count, long seed);

  /**
   * Scores {@code predictions} against the answers in {@code answers}, per iteration count. The
   * runner has checked the predictions with {@link Dataset#check} first.
   */
  List<Score> score(Dataset answers, Predictions predictions);

  /**
   * The per-example outcomes behind the proportions over examples that {@link #score} reports for
   * the same answers and predictions (its puzzle or sequence accuracy, not its accuracy over cells
   * or tokens): one {@link ExampleOutcomes} a metric and iteration count, each agreeing with its
   * score (counted examples / n = the value; n = {@code answers.size()}). The runner stores them,
   * so that {@code reckon compare} and {@code reckon check} can pair two runs example by example.
   * A task that gives none (the default) is compared by its scores' intervals alone.
   */
  default List<ExampleOutcomes> outcomes(Dataset answers, Predictions predictions) {
    return List.of();
  }

  /**
   * The scores of {@link #score} with the outcomes of {@link #outcomes}, for the same answers and
   * predictions: what the runner and the conformance kit ask for. By default it makes the two
   * calls; a task that finds both in one pass over the examples ({@link ExampleScoredTask})
   * overrides it so as not to score twice.
   */
  default Scoring scoreWithOutcomes(Dataset answers, Predictions predictions) {
    return new Scoring(score(answers, predictions), outcomes(answers, predictions));
  }

  /** A dataset's scores, with the per-example outcomes behind its proportions over examples. */
  record Scoring(List<Score> scores, List<ExampleOutcomes> outcomes) {}

  /**
   * Where the things the first tokens stand for lie, {@code [token][coordinate]} for tokens {@code
   * 0..n-1}, if they stand for points (the cities of a map): the runner probes a model's {@link
   * Model#tokenEmbeddings()} for them with a cross-validated linear regression.
   */
  default Optional<double[][]> tokenCoordinates() {
    return Optional.empty();
  }

  /**
   * The task's own exact solver, if it has one; the {@code oracle} model uses it. A task that has
   * one declares with it that the oracle scores {@link Metric#best()} of the primary metric on every
   * level: the conformance kit checks the solver so, and every report holds the oracle's results to it.
   */
  default Optional<ReferenceSolver> referenceSolver() {
    return Optional.empty();
  }

  /**
   * The ids of the models that are this task's classical references: exact iterative algorithms
   * (Bellman-Ford for {@code shortest-path}) that, at the largest iteration count they run at, score
   * {@link Metric#best()} of the primary metric on every level and score no worse outside the noise
   * as the count grows. Every report holds their results to it (a sanity check, as the oracle's);
   * none by default.
   */
  default List<String> classicalReferences() {
    return List.of();
  }

  /** Solves a dataset shown without its answers. */
  interface ReferenceSolver {
    Predictions solve(Dataset inputs);
  }
}
