package dev.reckon.reports.charts;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jfree.chart.JFreeChart;

/** A heading of report.html and its charts; a section without charts is left out of the page. */
public record ChartSection(String heading, String caption, List<JFreeChart> charts) {
  public ChartSection {
    requireNonNull(heading, "heading is null");
    requireNonNull(caption, "caption is null");
    charts = List.copyOf(charts);
  }
}
