package dev.reckon.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.claims.SeedReadings;
import dev.reckon.reports.format.Fixtures.RunBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts' bands and seed lines, read from the SVG a chart draws. */
class ReportChartsTest {
  private static final int[] COUNTS = {1, 2, 4, 8};
  private static final String CURVES = "rrn on sudoku-6x6: puzzle_accuracy vs iterations";
  /** The rrn's line, the palette's first colour, as JFreeSVG writes it. */
  private static final String BLUE = "rgb(0,114,178)";

  @TempDir Path work;

  @Test
  void aMeasurementOfThreeSeedsHasItsBandAndEachSeedsLineFaintly() {
    RunBuilder run = new RunBuilder("three-seeds").trainedWith("rrn", 4);
    double[][] bySeed = {{0.1, 0.4, 0.7, 0.75}, {0.2, 0.5, 0.8, 0.85}, {0.15, 0.45, 0.9, 0.95}};
    for (int seed = 1; seed <= 3; seed++) {
      run.seed(seed).accuracy("rrn", "b16", "b16", COUNTS, bySeed[seed - 1]);
    }
    JFreeChart chart = chart(run, CURVES);
    String svg = SvgChart.render(chart, "c");

    assertEquals(1, count(svg, "fill:" + BLUE + ";fill-opacity:0.15"), "one band, the line's colour, light: " + svg);
    assertEquals(3, count(svg, "stroke:" + BLUE + ";stroke-opacity:0.33"), "each seed's line, faint");
    assertTrue(subtitle(chart).endsWith("3 seeds: mean, 95% band, each seed faint"), subtitle(chart));
  }

  @Test
  void oneSeedDrawsTheResultsOwnIntervalAndNoBandWhereThereIsNone() {
    RunBuilder run = new RunBuilder("one-seed").trainedWith("rrn", 4)
        .accuracy("rrn", "b16", "b16", COUNTS, 0.1, 0.4, 0.7, 0.75)
        .accuracy("rrn", "b16", "b20", COUNTS, 0.1, 0.2, 0.3, 0.35)
        .value("uniform", "sudoku-6x6", "b16", "puzzle_accuracy", 0, 0)
        .value("uniform", "sudoku-6x6", "b20", "puzzle_accuracy", 0, 0);
    JFreeChart curves = chart(run, CURVES);
    String svg = SvgChart.render(curves, "c");
    assertEquals(2, count(svg, "fill-opacity:0.15"), "the Wilson intervals of results.csv, a band a level: " + svg);
    assertFalse(svg.contains("stroke-opacity:0.33"), "no seed lines");
    assertTrue(subtitle(curves).endsWith("1 seed: 95% band"), subtitle(curves));

    String difficulty = SvgChart.render(chart(run, "sudoku-6x6: puzzle_accuracy vs difficulty"), "d");
    assertEquals(1, count(difficulty, "fill-opacity:0.15"), "the rrn's band, none of width zero for uniform");
  }

  @Test
  void aTrainingCurveOfThreeSeedsIsTheirMeanWithEachSeedFaintly() {
    RunBuilder run = new RunBuilder("curves").trainedWith("rrn", 4).accuracy("rrn", "b16", "b16", COUNTS,
        0.1, 0.4, 0.7, 0.75);
    double[][] bySeed = {{0, 0.3, 0.6}, {0, 0.4, 0.7}, {0, 0.5, 0.8}};
    for (int seed = 1; seed <= 3; seed++) {
      run.seed(seed).curve("rrn", "sudoku-6x6", "b16", "train_puzzle_accuracy", 25, 1.5, bySeed[seed - 1]);
    }
    JFreeChart chart = chart(run, "sudoku-6x6: training train_puzzle_accuracy");
    String svg = SvgChart.render(chart, "t");
    assertEquals(3, count(svg, "stroke-opacity:0.33"), "each seed's curve: " + svg);
    assertFalse(svg.contains("fill-opacity:0.15"), "no band: a training curve has no interval");
    assertTrue(subtitle(chart).equals("3 seeds: mean, each seed faint"), subtitle(chart));
  }

  private JFreeChart chart(RunBuilder run, String title) {
    List<JFreeChart> charts = new ReportCharts(SeedReadings.of(run.read(work))).sections().stream()
        .flatMap(section -> section.charts().stream()).filter(c -> c.getTitle().getText().equals(title)).toList();
    assertEquals(1, charts.size(), title);
    return charts.get(0);
  }

  private static String subtitle(JFreeChart chart) {
    return chart.getSubtitles().stream().filter(TextTitle.class::isInstance).map(t -> ((TextTitle) t).getText())
        .findFirst().orElse("");
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
