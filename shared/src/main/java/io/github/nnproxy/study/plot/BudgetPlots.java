package io.github.nnproxy.study.plot;

import io.github.nnproxy.study.BudgetCell;
import io.github.nnproxy.study.BudgetSummary;
import io.github.nnproxy.study.report.BudgetReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The budget benchmark's convergence curves: regret of the best true value against true
 * evaluations, median (solid) and quartiles (thin) over the seeds, one colour per method, on a
 * log scale (regrets below {@value #FLOOR} are drawn at it). One PNG per cell and one overview
 * of every cell. Stateless.
 */
public final class BudgetPlots {
  static final double FLOOR = 1e-8;
  private static final Color[] COLORS = {new Color(0xD62728), new Color(0xFF7F0E),
      new Color(0x1F77B4), new Color(0x17BECF), new Color(0x7F7F7F), new Color(0x2CA02C),
      new Color(0x9467BD), new Color(0x8C564B)};

  private BudgetPlots() {}

  public static List<Path> draw(List<BudgetCell> cells, List<BudgetSummary> summaries, Path dir) {
    List<String> labels = BudgetReport.labels(summaries);
    List<Path> out = new ArrayList<>();
    List<XYChart> small = new ArrayList<>();
    for (BudgetCell c : cells) {
      List<BudgetSummary> in = BudgetReport.inCell(summaries, c);
      out.add(Plots.save(chart(c, in, labels, 760, 520, true),
          dir.resolve("budget-" + c.fileName() + ".png")));
      small.add(chart(c, in, labels, 420, 300, false));
    }
    int cols = Math.max(1, cells.size() / Math.max(1, (int) cells.stream()
        .map(BudgetCell::function).distinct().count()));
    int rows = (cells.size() + cols - 1) / cols;
    if (!small.isEmpty()) {
      out.add(Plots.save(small, rows, cols, dir.resolve("budget-overview.png")));
    }
    return out;
  }

  private static XYChart chart(BudgetCell c, List<BudgetSummary> in, List<String> labels,
      int width, int height, boolean large) {
    XYChart chart = new XYChart(width, height);
    chart.setTitle(c.toString());
    chart.setXAxisTitle("true evaluations");
    chart.setYAxisTitle(large ? "regret of the best true value" : "regret");
    var st = chart.getStyler();
    st.setYAxisLogarithmic(true);
    st.setLegendVisible(true);
    st.setLegendPosition(large ? LegendPosition.OutsideE : LegendPosition.InsideNE);
    st.setMarkerSize(0);
    st.setChartTitleFont(st.getChartTitleFont().deriveFont(large ? 14f : 11f));
    if (!large) {
      st.setLegendFont(st.getLegendFont().deriveFont(8f));
    }
    for (BudgetSummary s : in) {
      int k = labels.indexOf(s.label());
      Color color = COLORS[k % COLORS.length];
      double[] xs = new double[s.curve().length];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = i + 1;
      }
      XYSeries med = chart.addSeries(s.label(), xs, floor(s.curve()));
      med.setLineColor(color);
      med.setMarker(SeriesMarkers.NONE);
      med.setLineStyle(new BasicStroke(large ? 2.2f : 1.6f));
      if (large) {
        double[][] quartiles = {s.curveLower(), s.curveUpper()};
        for (int j = 0; j < 2; j++) {
          XYSeries band = chart.addSeries(s.label() + (j == 0 ? " q1" : " q3"), xs,
              floor(quartiles[j]));
          band.setLineColor(color);
          band.setMarker(SeriesMarkers.NONE);
          band.setLineStyle(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
              10f, new float[] {3f, 3f}, 0f));
          band.setShowInLegend(false);
        }
      }
    }
    return chart;
  }

  private static double[] floor(double[] v) {
    double[] out = new double[v.length];
    double last = FLOOR;
    for (int i = 0; i < v.length; i++) {
      double x = Double.isNaN(v[i]) ? last : Math.max(FLOOR, v[i]);
      out[i] = x;
      last = x;
    }
    return out;
  }
}
