package dev.reckon.tck;

import dev.reckon.api.Dataset;
import dev.reckon.api.Format;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import java.util.List;

/**
 * A task of a shape no model can know, asked of every model: one that accepts it would be handed
 * datasets it cannot read. It makes no data, since a model decides from the format alone.
 */
final class ForeignShapeTask implements Task {
  static final Format FORMAT = new Format() {
    @Override
    public String id() {
      return "reckon-tck-unknown-shape";
    }

    @Override
    public String describe() {
      return "a shape made up by the conformance checks, which no model reads";
    }
  };
  static final ForeignShapeTask INSTANCE = new ForeignShapeTask();

  private ForeignShapeTask() {}

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public List<Level> levels() {
    return List.of(new Level("only", 1, "the one level"));
  }

  @Override
  public List<Metric> metrics() {
    return List.of(new Metric("made_up", Metric.Direction.HIGHER_IS_BETTER, Metric.FRACTION, "never scored"));
  }

  @Override
  public Dataset generate(Level level, int count, long seed) {
    throw new UnsupportedOperationException("a model decides from the format, before any data is made");
  }

  @Override
  public List<Score> score(Dataset answers, Predictions predictions) {
    throw new UnsupportedOperationException("a model decides from the format, before any data is made");
  }
}
