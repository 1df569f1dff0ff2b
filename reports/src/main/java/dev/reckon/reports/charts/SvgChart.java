package dev.reckon.reports.charts;

import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws a chart as an SVG element to inline in report.html: no image files, nothing fetched. */
public final class SvgChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 420;

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
    chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    return graphics.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
  }
}
