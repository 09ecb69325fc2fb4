package io.github.nnproxy.study;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The seed study's figure for a 2-D function and scheme: filled contours of the true landscape
 * and of the proxy side by side, with the true optimum and every run's point per optimizer.
 *
 * <p>XChart's heat map cannot carry markers, so each panel is an {@link XYChart} whose grid of
 * square markers is coloured by value band: the bands are the deciles of the true values on the
 * grid (shared by both panels, so equal colours mean equal values), which keeps structure
 * visible even on Rosenbrock's steep walls. Stateless.
 */
final class LandscapePlot {
  static final int BANDS = Plots.VIRIDIS.length;

  private LandscapePlot() {}

  static Path draw(BenchmarkFunction f, ForwardModel proxy, String scheme,
      List<RunRecord> proxyRuns, List<RunRecord> truthRuns, List<String> optimizers,
      int resolution, Path file) {
    double[][] grid = grid(f, resolution);
    double[] truth = f.evaluateAll(grid);
    double[] approx = proxy.evaluateAll(grid);
    double[] levels = levels(truth);
    String title = f.name() + " 2-D";
    XYChart left = panel(title + ": true function", grid, truth, levels, f, truthRuns, optimizers,
        "on the truth", resolution);
    XYChart right = panel(title + ": proxy (" + scheme + ")", grid, approx, levels, f, proxyRuns,
        optimizers, "on the proxy", resolution);
    return Plots.save(List.of(left, right), 1, 2, file);
  }

  private static XYChart panel(String title, double[][] grid, double[] z, double[] levels,
      BenchmarkFunction f, List<RunRecord> runs, List<String> optimizers, String where,
      int resolution) {
    XYChart c = new XYChart(640, 560);
    c.setTitle(title);
    c.setXAxisTitle("x1");
    c.setYAxisTitle("x2");
    var st = c.getStyler();
    st.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    st.setLegendPosition(LegendPosition.OutsideE);
    st.setPlotGridLinesVisible(false);
    st.setPlotContentSize(1.0); // the grid fills the plot area up to the axes
    st.setMarkerSize(Math.max(3, (int) Math.ceil(440.0 / resolution) + 1));
    st.setXAxisMin(f.domain().lower(0));
    st.setXAxisMax(f.domain().upper(0));
    st.setYAxisMin(f.domain().lower(1));
    st.setYAxisMax(f.domain().upper(1));
    st.setXAxisDecimalPattern("0.##");
    st.setYAxisDecimalPattern("0.##");
    for (int b = 0; b < BANDS; b++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < z.length; i++) {
        if (band(z[i], levels) == b) {
          xs.add(grid[i][0]);
          ys.add(grid[i][1]);
        }
      }
      if (xs.isEmpty()) { // XChart refuses empty series; keep the band in the legend
        xs.add(Double.NaN);
        ys.add(Double.NaN);
      }
      String name = bandLabel(b, levels);
      while (c.getSeriesMap().containsKey(name)) { // equal levels give equal labels
        name += " ";
      }
      XYSeries s = c.addSeries(name, xs, ys);
      s.setMarker(SeriesMarkers.SQUARE);
      s.setMarkerColor(Plots.VIRIDIS[b]);
    }
    for (int k = 0; k < optimizers.size(); k++) {
      String label = optimizers.get(k);
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (RunRecord r : runs) {
        if (r.optimizer().equals(label)) {
          double[] x = r.x();
          xs.add(x[0]);
          ys.add(x[1]);
        }
      }
      if (!xs.isEmpty()) {
        XYSeries s = c.addSeries(label + " " + where, xs, ys);
        s.setMarker(Plots.optimizerMarker(k));
        s.setMarkerColor(Plots.optimizerColor(k));
      }
    }
    double[] opt = f.optimum();
    XYSeries o = c.addSeries("true optimum", new double[] {opt[0]}, new double[] {opt[1]});
    o.setMarker(SeriesMarkers.CROSS);
    o.setMarkerColor(Plots.OPTIMUM);
    return c;
  }

  /** Cell centres of a {@code resolution x resolution} grid over the domain. */
  static double[][] grid(BenchmarkFunction f, int resolution) {
    double[][] g = new double[resolution * resolution][];
    double x0 = f.domain().lower(0);
    double y0 = f.domain().lower(1);
    double dx = (f.domain().upper(0) - x0) / resolution;
    double dy = (f.domain().upper(1) - y0) / resolution;
    for (int i = 0; i < resolution; i++) {
      for (int j = 0; j < resolution; j++) {
        g[i * resolution + j] = new double[] {x0 + (i + 0.5) * dx, y0 + (j + 0.5) * dy};
      }
    }
    return g;
  }

  /** The {@code BANDS - 1} thresholds between bands: deciles of the values. */
  static double[] levels(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] t = new double[BANDS - 1];
    for (int k = 1; k < BANDS; k++) {
      t[k - 1] = sorted[(int) ((long) k * (sorted.length - 1) / BANDS)];
    }
    return t;
  }

  static int band(double v, double[] levels) {
    int b = 0;
    while (b < levels.length && v >= levels[b]) {
      b++;
    }
    return b;
  }

  private static String bandLabel(int b, double[] levels) {
    if (b == 0) {
      return "< " + fmt(levels[0]);
    }
    if (b == levels.length) {
      return ">= " + fmt(levels[levels.length - 1]);
    }
    return fmt(levels[b - 1]) + " to " + fmt(levels[b]);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
