package io.github.nnproxy.study;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * One function's distances to the optimum, by dimension and scheme, on the proxy and on the
 * truth, per optimizer: bars of the mean with error bars of the population standard deviation.
 * Each optimizer has one hue, full on the proxy and light on the truth; the truth bar of a
 * dimension is the same for every scheme (truth runs have no scheme). Stateless.
 */
final class DistancePlot {
  /** One hue per optimizer: full on the proxy, light on the truth. */
  static final Color[] BAR_COLORS = {new Color(0x1F77B4), new Color(0xFF7F0E),
      new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD)};

  private DistancePlot() {}

  private static Color light(Color c) {
    return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3,
        (c.getBlue() + 2 * 255) / 3);
  }

  /**
   * Draws the plot.
   *
   * @param function the function's name
   * @param dimensions the dimensions
   * @param schemes the scheme labels
   * @param optimizers the optimizer labels
   * @param cells the study's cells
   * @param file the PNG to write
   * @return {@code file}
   */
  static Path draw(String function, int[] dimensions, List<String> schemes,
      List<String> optimizers, Cells cells, Path file) {
    List<String> categories = new ArrayList<>();
    for (int d : dimensions) {
      for (String s : schemes) {
        categories.add(d + "-D " + s);
      }
    }
    CategoryChart c = new CategoryChart(Math.max(800, 120 * categories.size()), 560);
    c.setTitle(function + ": distance from the point found to the true optimum (mean ± std)");
    c.setXAxisTitle("dimension and sampling scheme");
    c.setYAxisTitle("Euclidean distance to the optimum");
    var st = c.getStyler();
    st.setLegendPosition(LegendPosition.OutsideS);
    st.setErrorBarsColorSeriesColor(false);
    st.setErrorBarsColor(Color.DARK_GRAY);
    st.setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Bar);
    st.setYAxisMin(0.0);
    if (categories.size() > 3) {
      st.setXAxisLabelRotation(30);
    }
    for (int k = 0; k < optimizers.size(); k++) {
      String o = optimizers.get(k);
      for (Objective objective : Objective.values()) {
        List<Double> means = new ArrayList<>();
        List<Double> stds = new ArrayList<>();
        for (int d : dimensions) {
          for (String s : schemes) {
            MeanStd m = (objective == Objective.PROXY ? cells.proxy(function, d, s, o)
                : cells.truth(function, d, o)).map(CellSummary::distance).orElse(MeanStd.NONE);
            means.add(m.present() ? m.mean() : 0.0);
            stds.add(m.present() ? m.std() : 0.0);
          }
        }
        CategorySeries series = c.addSeries(o + " on the " + objective.label(), categories,
            means, stds);
        series.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Bar);
        Color color = BAR_COLORS[k % BAR_COLORS.length];
        series.setFillColor(objective == Objective.PROXY ? color : light(color));
      }
    }
    return Plots.save(c, file);
  }
}
