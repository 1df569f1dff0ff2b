package dev.reckon.reports.charts;

import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws a chart as an SVG element to inline in report.html: no image files, nothing fetched. */
public final class SvgChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 420;
  /**
   * Coordinates to a tenth of a unit: a chart is shown at about its width in pixels, and JFreeSVG
   * would write every digit of a double (325.8030671932054) in each of a page's many thousands.
   */
  private static final int GEOMETRY_DECIMALS = 1;
  /** Transforms carry the rotation of axis labels, whose sines want more digits than a position does. */
  private static final int TRANSFORM_DECIMALS = 3;

  private SvgChart() {}

  /**
   * The chart as an {@code <svg>} element with id {@code id}, scaled by its view box to the width of
   * its container.
   */
  public static String render(JFreeChart chart, String id) {
    SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
    // Clip paths and gradients are ids in the page: several inline charts must not share them. The
    // prefix also keeps the output the same from run to run (the default one is time based).
    graphics.setDefsKeyPrefix(id + "-");
    graphics.setGeomDoubleConverter(value -> rounded(value, GEOMETRY_DECIMALS));
    graphics.setTransformDoubleConverter(value -> rounded(value, TRANSFORM_DECIMALS));
    chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    return graphics.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
  }

  /** {@code value} to {@code decimals} places, without trailing zeros: 12.0 is "12", 0.25 is "0.25". */
  private static String rounded(double value, int decimals) {
    return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN)
        .stripTrailingZeros().toPlainString() : String.valueOf(value);
  }
}
