package dev.reckon.reports.charts;

import dev.reckon.reports.measurements.Measurement;
import org.jfree.chart.JFreeChart;

/**
 * A chart of the history page: a number of one model over a sequence of runs, a line per evaluated
 * level with its 95% band, each point where {@code reckon check} fails against the run before
 * ringed. The x axis counts the runs from 1, in the order the page lists them.
 */
public final class HistoryChart {
  private final LineChart chart;

  /** @param fraction whether the metric is a fraction, drawn on the 0 to 1 axis of every report */
  public HistoryChart(String title, String metric, boolean fraction, String subtitle) {
    chart = new LineChart(title, "run", metric).wholeX().subtitle(subtitle);
    if (fraction) {
      chart.fractionY();
    }
  }

  /**
   * Adds the measurement of the run at {@code run} (from 0) to {@code line}, ringed when {@code
   * failed}; a value that is not finite has no place to ring (the page's tables name it).
   */
  public HistoryChart add(String line, int run, Measurement m, boolean failed) {
    chart.point(line, run + 1, m.value(), m.ciLow(), m.ciHigh(), m.seeds());
    if (failed && Double.isFinite(m.value())) {
      chart.ring(run + 1, m.value());
    }
    return this;
  }

  public JFreeChart build() {
    return chart.build();
  }
}
