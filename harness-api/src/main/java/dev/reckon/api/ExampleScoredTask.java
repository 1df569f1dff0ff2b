package dev.reckon.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A task that scores in one pass over the examples, keeping the per-example outcomes of its
 * proportions on the way: it implements {@link #score(Dataset, Predictions, List)}, and {@link
 * Task#score}, {@link Task#outcomes} and {@link Task#scoreWithOutcomes} all come from it, so they
 * cannot disagree, and the last scores once.
 */
public interface ExampleScoredTask extends Task {
  /**
   * The scores of {@link Task#score}; adds to {@code outcomes} those of {@link Task#outcomes}
   * (each score of a proportion over examples is best made by {@link ExampleOutcomes#score()}).
   */
  List<Score> score(Dataset answers, Predictions predictions, List<ExampleOutcomes> outcomes);

  @Override
  default List<Score> score(Dataset answers, Predictions predictions) {
    return score(answers, predictions, new ArrayList<>());
  }

  @Override
  default List<ExampleOutcomes> outcomes(Dataset answers, Predictions predictions) {
    return scoreWithOutcomes(answers, predictions).outcomes();
  }

  @Override
  default Scoring scoreWithOutcomes(Dataset answers, Predictions predictions) {
    List<ExampleOutcomes> outcomes = new ArrayList<>();
    List<Score> scores = score(answers, predictions, outcomes);
    return new Scoring(scores, outcomes);
  }
}
