package dev.reckon.runner.execution;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Watches a cell's training curves for a collapse, in any model: an accuracy (a metric named
 * {@code ...accuracy}) falling below half its best so far, by at least {@value #MIN_ACCURACY_DROP},
 * or a loss (named {@code ...loss}) rising above twice its lowest so far and by at least {@value
 * #MIN_LOSS_RISE} nats; and staying there for {@value #PERSISTENCE} points in a row, or to the
 * end of training. A NaN or infinite loss is a collapse at once. Noise on a small training batch
 * moves an accuracy by a few hundredths, not by half; a learning rate that kicks the weights out
 * of their basin does.
 *
 * <p>The best so far is a level the curve held: after the first point, the worse of two points in
 * a row, so one lucky batch is no level to fall from: a best of a single point made the rrn's
 * maze curve in the default run (batches of 16 mazes, 10 right once, then 2) read as a collapse
 * while its loss kept falling.
 *
 * <p>The first collapse is the one kept: what follows it is its consequence.
 */
final class CollapseDetector {
  static final double MIN_ACCURACY_DROP = 0.2;
  static final double MIN_LOSS_RISE = 0.5;
  static final int PERSISTENCE = 3;

  private final Map<String, Curve> curves = new HashMap<>();
  private TrainingCollapse collapse;

  /** Takes one point; returns the collapse once one is confirmed. */
  Optional<TrainingCollapse> observe(int update, String metric, double value) {
    if (collapse != null) {
      return Optional.of(collapse);
    }
    String name = metric.toLowerCase(Locale.ROOT);
    boolean loss = name.endsWith("loss");
    if (!loss && !name.endsWith("accuracy")) {
      return Optional.empty();
    }
    if (!Double.isFinite(value)) {
      if (loss) {
        collapse = new TrainingCollapse(update, metric, metric + " became " + value);
      }
      return Optional.ofNullable(collapse);
    }
    Curve curve = curves.computeIfAbsent(metric, m -> new Curve(loss));
    curve.add(update, value);
    if (curve.fallenPoints >= PERSISTENCE) {
      collapse = curve.collapse(metric);
    }
    return Optional.ofNullable(collapse);
  }

  /** At the end of training: a confirmed collapse, or a fall that lasted to the last point. */
  Optional<TrainingCollapse> result() {
    if (collapse != null) {
      return Optional.of(collapse);
    }
    return curves.entrySet().stream()
        .filter(entry -> entry.getValue().fallenPoints > 0)
        .map(entry -> entry.getValue().collapse(entry.getKey()))
        .min((a, b) -> Integer.compare(a.update(), b.update()));
  }

  /** One curve's best so far and the fall under way, if any. */
  private static final class Curve {
    private final boolean loss;
    private double best = Double.NaN;
    private int fallenPoints;
    private int fallUpdate;
    private double beforeFall;
    private double latest = Double.NaN;

    Curve(boolean loss) {
      this.loss = loss;
    }

    void add(int update, double value) {
      double previous = latest;
      latest = value;
      if (Double.isNaN(best)) {
        best = value;
        return;
      }
      boolean fallen = loss
          ? value > 2 * best && value - best >= MIN_LOSS_RISE
          : value < best / 2 && best - value >= MIN_ACCURACY_DROP;
      if (fallen) {
        if (fallenPoints == 0) {
          fallUpdate = update;
          beforeFall = best;
        }
        fallenPoints++;
      } else {
        fallenPoints = 0;
        // the level held on this point and the one before it
        double held = loss ? Math.max(previous, value) : Math.min(previous, value);
        best = loss ? Math.min(best, held) : Math.max(best, held);
      }
    }

    TrainingCollapse collapse(String metric) {
      String verb = loss ? " rose from " : " fell from ";
      return new TrainingCollapse(fallUpdate, metric, String.format(Locale.ROOT, "%s%s%.3f to %.3f", metric, verb,
          beforeFall, latest));
    }
  }
}
