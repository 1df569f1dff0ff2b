package dev.reckon.reports.charts;

import static java.util.Objects.requireNonNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One line chart of a report: named lines of (x, y) points, drawn by JFreeChart in the report's
 * style. Builder style: {@link #line} adds points, {@link #build} makes the chart.
 */
final class LineChart {
  /** Lines told apart by people with any colour vision (the Okabe-Ito palette, yellow left out: too pale on white). */
  private static final Paint[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
      new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), Color.BLACK, new Color(0x999999)};
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final StandardChartTheme THEME = theme();

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final Map<String, XYSeries> lines = new LinkedHashMap<>();
  private boolean log2X;
  private boolean fractionY;
  private String subtitle;
  private ValueMarker marker;

  LineChart(String title, String xLabel, String yLabel) {
    this.title = requireNonNull(title, "title is null");
    this.xLabel = requireNonNull(xLabel, "xLabel is null");
    this.yLabel = requireNonNull(yLabel, "yLabel is null");
  }

  /** Adds a point to the line {@code name}, creating it on first use; lines keep their points sorted by x. */
  LineChart point(String name, double x, double y) {
    lines.computeIfAbsent(name, XYSeries::new).add(x, y);
    return this;
  }

  /** A base-2 logarithmic x axis, for iteration counts and dimensions that double. */
  LineChart log2X() {
    this.log2X = true;
    return this;
  }

  /** A y axis from 0 to 1, so that fractions read the same on every chart. */
  LineChart fractionY() {
    this.fractionY = true;
    return this;
  }

  LineChart subtitle(String text) {
    this.subtitle = requireNonNull(text, "text is null");
    return this;
  }

  /** A labelled vertical line, e.g. at the iteration count a model was trained with. */
  LineChart markX(double x, String label) {
    marker = new ValueMarker(x, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {4f, 4f}, 0f));
    marker.setLabel(label);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return this;
  }

  /** Whether the chart has anything to show: at least one line with two points. */
  boolean hasLines() {
    return lines.values().stream().anyMatch(series -> series.getItemCount() >= 2);
  }

  String title() {
    return title;
  }

  JFreeChart build() {
    XYSeriesCollection data = new XYSeriesCollection();
    lines.values().forEach(data::addSeries);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, xAxis(), y, new XYLineAndShapeRenderer(true, true));
    // Later lines are drawn over earlier ones, as the legend lists them.
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    if (marker != null) {
      plot.addDomainMarker(marker);
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    if (subtitle != null) {
      chart.addSubtitle(new TextTitle(subtitle));
    }
    THEME.apply(chart);
    if (fractionY) {
      y.setRange(-0.02, 1.02); // a margin so that points at 0 and 1 show whole
    }
    return chart;
  }

  private ValueAxis xAxis() {
    if (!log2X) {
      NumberAxis x = new NumberAxis(xLabel);
      x.setAutoRangeIncludesZero(false);
      x.setNumberFormatOverride(new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
      return x;
    }
    LogAxis x = new LogAxis(xLabel);
    x.setBase(2);
    x.setTickUnit(new NumberTickUnit(1)); // one tick a doubling: 1, 2, 4, ...
    x.setNumberFormatOverride(new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    x.setSmallestValue(0.5);
    return x;
  }

  /**
   * Logical font names, which JFreeSVG writes as the generic CSS families, so that a page opened
   * anywhere finds a font; white backgrounds; the palette; lines two pixels wide.
   */
  private static StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("reckon");
    theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE, DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
        new Stroke[] {new BasicStroke(2f)}, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    return theme;
  }
}
