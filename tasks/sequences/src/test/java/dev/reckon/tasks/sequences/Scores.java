package dev.reckon.tasks.sequences;

import dev.reckon.api.Score;
import java.util.List;
import java.util.Optional;

/** Reading one metric at one iteration count out of a task's scores. */
final class Scores {
  private Scores() {}

  static Optional<Score> find(List<Score> scores, String metric, int iterations) {
    return scores.stream().filter(s -> s.metric().equals(metric) && s.iterations() == iterations).findFirst();
  }

  static double value(List<Score> scores, String metric, int iterations) {
    return find(scores, metric, iterations).orElseThrow(() -> new AssertionError("no " + metric + " at "
        + iterations)).value();
  }
}
