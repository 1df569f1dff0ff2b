package dev.reckon.runner.execution;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Progress as plain lines, for logs and CI where a redrawn bar would be noise. */
public final class LineProgress implements RunProgress {
  private final PrintStream out;
  private final int cells;
  private final RemainingTime remaining;
  private final long startNanos = System.nanoTime();
  private int finished;
  private final Map<CellKey, Integer> trainingQuarters = new HashMap<>();

  public LineProgress(int cells, RemainingTime remaining, PrintStream out) {
    this.cells = cells;
    this.remaining = remaining;
    this.out = out;
  }

  @Override
  public synchronized void cellStarted(CellKey key) {
    trainingQuarters.put(key, 0);
  }

  @Override
  public synchronized void cellReused(CellKey key) {
    finished++;
    remaining.reused(key);
    out.printf(Locale.ROOT, "[%d/%d] %s: already finished, kept%n", finished, cells, key);
  }

  @Override
  public synchronized void training(CellGroup group, int done, int total) {
    remaining.training(group, done, total);
    CellKey key = group.first().key();
    int quarter = total == 0 ? 0 : 4 * done / total;
    if (quarter > trainingQuarters.getOrDefault(key, 0)) {
      trainingQuarters.put(key, quarter);
      out.printf(Locale.ROOT, "        %s: training %d/%d%n", group, done, total);
    }
  }

  @Override
  public synchronized void cellFinished(CellOutcome outcome) {
    trainingQuarters.remove(outcome.key());
    finished++;
    remaining.finished(outcome.key(), outcome.trainSeconds() + outcome.evalSeconds());
    Optional<Duration> eta = remaining.left(Duration.ofNanos(System.nanoTime() - startNanos));
    String detail = outcome.reason().isEmpty() ? "" : ": " + outcome.reason();
    if (outcome.status() == CellOutcome.Status.DONE && outcome.collapse().isPresent()) {
      detail += "; " + outcome.collapse().get();
    }
    out.printf(Locale.ROOT, "[%d/%d] %s: %s%s (%.1f s%s)%n", finished, cells, outcome.key(),
        outcome.status().word(), detail, outcome.trainSeconds() + outcome.evalSeconds(),
        eta.map(left -> "; eta " + duration(left)).orElse(""));
  }

  @Override
  public void close() {}

  private static String duration(Duration left) {
    long s = Math.round(left.toMillis() / 1000.0);
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
