package io.github.nnproxy.study;

import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A parity plot of one proxy: the proxy's prediction against the true value on fresh hold-out
 * points drawn from the cell's own sampler, with the diagonal {@code proxy = truth}, and the R2
 * and RMSE of those points in the title. Stateless.
 */
final class ParityPlot {
  private ParityPlot() {}

  /**
   * Draws the plot.
   *
   * @param title what the proxy is, e.g. {@code "ackley 2-D dense-uniform"}
   * @param truth the true values
   * @param proxy the proxy's values at the same points
   * @param file the PNG to write
   * @return {@code file}
   */
  static Path draw(String title, double[] truth, double[] proxy, Path file) {
    XYChart c = new XYChart(640, 600);
    c.setTitle(String.format(Locale.ROOT, "parity: %s (%d fresh points, R² %.4f, RMSE %.4g)",
        title, truth.length, r2(truth, proxy), rmse(truth, proxy)));
    c.setXAxisTitle("true value f(x)");
    c.setYAxisTitle("proxy value");
    var st = c.getStyler();
    st.setLegendPosition(LegendPosition.InsideNW);
    st.setMarkerSize(5);
    st.setChartTitleFont(st.getChartTitleFont().deriveFont(13f));
    XYSeries pts = c.addSeries("hold-out points", truth, proxy);
    pts.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    pts.setMarker(SeriesMarkers.CIRCLE);
    pts.setMarkerColor(Plots.VIRIDIS[3]);
    double lo = Math.min(min(truth), min(proxy));
    double hi = Math.max(max(truth), max(proxy));
    XYSeries diag = c.addSeries("proxy = truth", new double[] {lo, hi}, new double[] {lo, hi});
    diag.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    diag.setMarker(SeriesMarkers.NONE);
    diag.setLineColor(java.awt.Color.RED);
    return Plots.save(c, file);
  }

  static double r2(double[] truth, double[] proxy) {
    double mean = 0;
    for (double t : truth) {
      mean += t;
    }
    mean /= truth.length;
    double ssRes = 0;
    double ssTot = 0;
    for (int i = 0; i < truth.length; i++) {
      ssRes += (truth[i] - proxy[i]) * (truth[i] - proxy[i]);
      ssTot += (truth[i] - mean) * (truth[i] - mean);
    }
    return 1 - ssRes / ssTot;
  }

  static double rmse(double[] truth, double[] proxy) {
    double s = 0;
    for (int i = 0; i < truth.length; i++) {
      s += (truth[i] - proxy[i]) * (truth[i] - proxy[i]);
    }
    return Math.sqrt(s / truth.length);
  }

  private static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }
}
