package dev.reckon.reports.charts;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYDrawableAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One line chart of a report: named lines of (x, y) points, drawn by JFreeChart in the report's
 * style. A line's points are means over seeds: each may carry its 95% interval, drawn as a light
 * band of the line's colour, and each seed's own points, drawn as a faint thin line beside it; a
 * point may be ringed. Builder style: {@link #point} and {@link #seedPoint} add points, {@link #build}
 * makes the chart.
 */
final class LineChart {
  /** Lines told apart by people with any colour vision (the Okabe-Ito palette, yellow left out: too pale on white). */
  private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
      new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), Color.BLACK, new Color(0x999999)};
  /** The lines' markers, one a line as its colour, so that lines stay apart in grayscale too. */
  private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  /** A band is light enough that lines and other bands show through it. */
  private static final float BAND_ALPHA = 0.15f;
  /** A seed's own line: a third as strong as its mean's and half as wide. */
  private static final int SEED_ALPHA = 85;
  private static final BasicStroke SEED_STROKE = new BasicStroke(1f);
  /**
   * Beyond this many points a line is drawn without markers: a training curve's dozens or hundreds
   * of them would hide the lines and fill the page with shapes. A test-time compute curve (a point
   * a doubling) keeps them.
   */
  private static final int MARKED_POINTS = 12;
  private static final StandardChartTheme THEME = theme();
  /** A ring: the report's red for what got worse, wide enough to circle a marker. */
  private static final Color RING_COLOUR = new Color(0xB3261E);
  private static final double RING_SIZE = 16;
  private static final BasicStroke RING_STROKE = new BasicStroke(2.5f);

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final Map<String, Line> lines = new LinkedHashMap<>();
  private final List<double[]> rings = new ArrayList<>();
  private boolean log2X;
  private boolean wholeX;
  private boolean fractionY;
  private String subtitle;
  private ValueMarker marker;

  /**
   * One named line: its points with their intervals, each seed's own points, and how many seeds
   * its points are the mean of.
   */
  private static final class Line {
    final YIntervalSeries points;
    final Map<Long, XYSeries> seeds = new TreeMap<>();
    int seedCount = 1;
    boolean banded;

    Line(String name) {
      points = new YIntervalSeries(name);
    }
  }

  LineChart(String title, String xLabel, String yLabel) {
    this.title = requireNonNull(title, "title is null");
    this.xLabel = requireNonNull(xLabel, "xLabel is null");
    this.yLabel = requireNonNull(yLabel, "yLabel is null");
  }

  /** Adds a point without an interval, of one seed, to the line {@code name}, creating it on first use. */
  LineChart point(String name, double x, double y) {
    return point(name, x, y, Double.NaN, Double.NaN, 1);
  }

  /**
   * Adds a measurement to the line {@code name}: its mean over seeds with its 95% interval, and,
   * when it is the mean of several seeds, each seed's own value from {@code seeds} (per seed, the
   * run as that seed saw it).
   */
  LineChart add(String name, double x, Measurement m, Map<Long, MeasurementIndex> seeds) {
    point(name, x, m.value(), m.ciLow(), m.ciHigh(), m.seeds());
    if (m.seeds() > 1) {
      seeds.forEach((seed, run) -> run.get(m.key()).ifPresent(atSeed -> seedPoint(name, seed, x, atSeed.value())));
    }
    return this;
  }

  /**
   * Adds a point, the mean of {@code seeds} seeds, with its interval {@code low..high}; a point
   * without a finite interval of some width (NaN bounds, or a number measured without noise) adds
   * nothing to the band, so that no band of width zero is drawn. Lines keep their points sorted by x.
   */
  LineChart point(String name, double x, double y, double low, double high, int seeds) {
    Line line = lines.computeIfAbsent(name, Line::new);
    boolean interval = Double.isFinite(low) && Double.isFinite(high) && high > low;
    line.points.add(x, y, interval ? low : y, interval ? high : y);
    line.banded |= interval;
    line.seedCount = Math.max(line.seedCount, seeds);
    return this;
  }

  /** Adds seed {@code seed}'s own point to the line {@code name}, drawn faintly beside its mean. */
  LineChart seedPoint(String name, long seed, double x, double y) {
    lines.computeIfAbsent(name, Line::new).seeds.computeIfAbsent(seed, s -> new XYSeries(name + " seed " + s))
        .add(x, y);
    return this;
  }

  /** A base-2 logarithmic x axis, for iteration counts and dimensions that double. */
  LineChart log2X() {
    this.log2X = true;
    return this;
  }

  /** An x axis of whole numbers only, for things counted one by one (the runs of a history). */
  LineChart wholeX() {
    this.wholeX = true;
    return this;
  }

  /**
   * A ring around the point ({@code x}, {@code y}), drawn over every line: a point to look at, such
   * as one where {@code reckon check} fails. The chart's caption says what the rings mean.
   */
  LineChart ring(double x, double y) {
    rings.add(new double[] {x, y});
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
    return lines.values().stream().anyMatch(line -> line.points.getItemCount() >= 2);
  }

  String title() {
    return title;
  }

  /**
   * The chart: the means' lines over each seed's faint line over the bands. Every line has its
   * colour and marker by its place in the legend, which its band and seeds share. The seed count is
   * said once in the subtitle when every line has the same, else in each line's legend entry.
   */
  JFreeChart build() {
    XYSeriesCollection means = new XYSeriesCollection();
    XYSeriesCollection seeds = new XYSeriesCollection();
    YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    XYLineAndShapeRenderer meanRenderer = new XYLineAndShapeRenderer(true, true);
    XYLineAndShapeRenderer seedRenderer = new XYLineAndShapeRenderer(true, false);
    DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
    // A line as one SVG path, not an element with its own style for each segment
    meanRenderer.setDrawSeriesLineAsPath(true);
    meanRenderer.setDrawOutlines(false); // a marker's outline would be its fill's colour again
    seedRenderer.setDrawSeriesLineAsPath(true);
    // The legend lists the means: their seeds and bands share their colours
    seedRenderer.setDefaultSeriesVisibleInLegend(false);
    bandRenderer.setDefaultSeriesVisibleInLegend(false);
    bandRenderer.setAlpha(BAND_ALPHA);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(means, xAxis(), y, meanRenderer);
    plot.setDataset(1, seeds);
    plot.setRenderer(1, seedRenderer);
    plot.setDataset(2, bands);
    plot.setRenderer(2, bandRenderer);
    // Later lines are drawn over earlier ones, as the legend lists them; datasets in reverse, so
    // that the means (dataset 0) lie over the seeds' lines (1), which lie over the bands (2).
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
    if (marker != null) {
      plot.addDomainMarker(marker);
    }
    // Annotations are drawn after the datasets: a ring lies over the lines and bands it marks.
    rings.forEach(at -> plot.addAnnotation(new XYDrawableAnnotation(at[0], at[1], RING_SIZE, RING_SIZE,
        LineChart::ring)));
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    boolean sameSeeds = lines.values().stream().map(line -> line.seedCount).distinct().count() == 1;
    String seedNote = sameSeeds ? seedNote(lines.values().iterator().next().seedCount) : null;
    String sub = Stream.of(subtitle, seedNote).filter(Objects::nonNull).collect(Collectors.joining(" · "));
    if (!sub.isEmpty()) {
      chart.addSubtitle(new TextTitle(sub));
    }
    // The theme before the lines: it gives every renderer's series the colours of its own sequence
    THEME.apply(chart);
    // Filled whole before the axes read them: a first line of one point gives a log axis no range.
    List.of(means, seeds, bands).forEach(dataset -> dataset.setNotify(false));
    int place = 0;
    for (Line line : lines.values()) {
      Color colour = PALETTE[place % PALETTE.length];
      String name = (String) line.points.getKey();
      XYSeries mean = new XYSeries(sameSeeds ? name : name + " (" + seedsText(line.seedCount) + ")");
      for (int i = 0; i < line.points.getItemCount(); i++) {
        mean.add(line.points.getX(i), line.points.getYValue(i));
      }
      meanRenderer.setSeriesPaint(place, colour);
      meanRenderer.setSeriesShape(place, SHAPES[place % SHAPES.length]);
      meanRenderer.setSeriesShapesVisible(place, mean.getItemCount() <= MARKED_POINTS);
      means.addSeries(mean);
      for (XYSeries seed : line.seeds.values()) {
        seedRenderer.setSeriesPaint(seeds.getSeriesCount(), faint(colour));
        seedRenderer.setSeriesStroke(seeds.getSeriesCount(), SEED_STROKE);
        seeds.addSeries(seed);
      }
      if (line.banded) {
        bandRenderer.setSeriesFillPaint(bands.getSeriesCount(), colour);
        bands.addSeries(line.points);
      }
      place++;
    }
    List.of(means, seeds, bands).forEach(dataset -> dataset.setNotify(true));
    if (fractionY) {
      y.setRange(-0.02, 1.02); // a margin so that points at 0 and 1 show whole
    }
    return chart;
  }

  /** E.g. "3 seeds: mean, 95% band, each seed faint": what the chart's drawing means. */
  private String seedNote(int seedCount) {
    boolean banded = lines.values().stream().anyMatch(line -> line.banded);
    boolean seedLines = lines.values().stream().anyMatch(line -> !line.seeds.isEmpty());
    String drawn = Stream.of(seedCount > 1 ? "mean" : null, banded ? "95% band" : null,
        seedLines ? "each seed faint" : null).filter(Objects::nonNull).collect(Collectors.joining(", "));
    return seedsText(seedCount) + (drawn.isEmpty() ? "" : ": " + drawn);
  }

  private static String seedsText(int seedCount) {
    return Numbers.count(seedCount, "seed");
  }

  private static Color faint(Color colour) {
    return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), SEED_ALPHA);
  }

  /** A ring's outline in the area {@link XYDrawableAnnotation} gives it, centred on its point. */
  private static void ring(Graphics2D g2, Rectangle2D area) {
    g2.setPaint(RING_COLOUR);
    g2.setStroke(RING_STROKE);
    g2.draw(new Ellipse2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight()));
  }

  private ValueAxis xAxis() {
    if (!log2X) {
      NumberAxis x = new NumberAxis(xLabel);
      x.setAutoRangeIncludesZero(false);
      if (wholeX) {
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      }
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
   * anywhere finds a font; white backgrounds; the palette and markers; lines two pixels wide.
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
        new Stroke[] {new BasicStroke(2f)}, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE, SHAPES));
    return theme;
  }
}
