package io.github.nnproxy.study.plot;

import io.github.nnproxy.study.CellSummary;
import io.github.nnproxy.study.MeanStd;
import io.github.nnproxy.study.Objective;
import io.github.nnproxy.study.SeedColumn;
import io.github.nnproxy.study.StudyOptimizer;
import io.github.nnproxy.study.report.Cells;
import io.github.nnproxy.study.report.SeedFigures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.TexturePaint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One function's distances to the optimum, per dimension: a group of bars for the optimizers on
 * the true function (hatched) and one per sampling scheme for them on its proxy (solid), each bar
 * the mean over the seeds with an error bar of the population standard deviation cut at zero (a
 * distance cannot be negative), and the seed study's published figure of the same cell as a
 * diamond with its own error bar. Bars too short to see carry their value. The legend sits below
 * the plotting area, which keeps its size however many optimizers there are. Stateless.
 */
public final class DistancePlot {
  private static final int LEFT = 84;
  private static final int RIGHT = 24;
  private static final int TOP = 58;
  private static final int PLOT_H = 380;
  private static final int GROUP_GAP = 34;
  private static final int CATEGORY_PAD = 18;
  private static final int MIN_CATEGORY = 96;

  /** The fraction of the axis under which a bar is labelled with its value. */
  static final double SHORT_BAR = 0.03;

  private DistancePlot() {}

  /** One bar: a cell's mean and std, or {@link MeanStd#NONE}, and the seed's figure if any. */
  public record Bar(MeanStd ours, Optional<MeanStd> seed, boolean seedDefective) {}

  /**
   * The extent of an error bar: mean minus std, cut at zero, to mean plus std.
   *
   * @param m the mean and std, present
   * @return {@code {low, high}}
   */
  static double[] errorBar(MeanStd m) {
    double std = Double.isNaN(m.std()) ? 0 : m.std();
    return new double[] {Math.max(0, m.mean() - std), m.mean() + std};
  }

  /**
   * The bars of one category (the truth if {@code scheme} is empty, else a scheme's proxies),
   * one per optimizer, in the study's order.
   */
  public static List<Bar> bars(
      String function,
      int d,
      String scheme,
      List<StudyOptimizer> optimizers,
      Cells cells,
      SeedFigures seed) {
    List<Bar> out = new ArrayList<>();
    boolean truth = scheme.isEmpty();
    for (StudyOptimizer o : optimizers) {
      MeanStd ours = (truth ? cells.truth(function, d, o.label())
          : cells.proxy(function, d, scheme, o.label())).map(CellSummary::distance)
          .orElse(MeanStd.NONE);
      Optional<MeanStd> published = o.column() == SeedColumn.NONE ? Optional.empty()
          : seed.distance(function, d, scheme, o.column(),
              truth ? Objective.TRUTH : Objective.PROXY);
      out.add(new Bar(ours, published, SeedFigures.defect(function, d).isPresent()));
    }
    return out;
  }

  /** The top of the value axis: the highest error bar of ours or the seed's, with headroom. */
  public static double top(List<List<Bar>> categories) {
    double top = 0;
    for (List<Bar> bars : categories) {
      for (Bar b : bars) {
        if (b.ours().present()) {
          top = Math.max(top, errorBar(b.ours())[1]);
        }
        if (b.seed().isPresent()) {
          top = Math.max(top, errorBar(b.seed().get())[1]);
        }
      }
    }
    return top > 0 ? top * 1.06 : 1;
  }

  /**
   * Draws the plot.
   *
   * @param function the function's name
   * @param dimensions the dimensions
   * @param schemes the scheme labels
   * @param optimizers the optimizers
   * @param seeds the number of seeds per cell
   * @param cells the study's cells
   * @param file the PNG to write
   * @return {@code file}
   */
  public static Path draw(String function, int[] dimensions, List<String> schemes,
      List<StudyOptimizer> optimizers, int seeds, Cells cells, Path file) {
    SeedFigures seed = SeedFigures.published();
    List<String> categoryNames = new ArrayList<>();
    categoryNames.add("");
    categoryNames.addAll(schemes);
    List<List<Bar>> all = new ArrayList<>();
    boolean anySeed = false;
    boolean anyDefect = false;
    for (int d : dimensions) {
      for (String s : categoryNames) {
        List<Bar> bars = bars(function, d, s, optimizers, cells, seed);
        all.add(bars);
        for (Bar b : bars) {
          anySeed |= b.seed().isPresent();
          anyDefect |= b.seed().isPresent() && b.seedDefective();
        }
      }
    }
    int n = optimizers.size();
    double barW = Math.max(14, Math.min(30, (MIN_CATEGORY - CATEGORY_PAD) / (double) n));
    double catW = Math.max(MIN_CATEGORY, n * barW + CATEGORY_PAD);
    int cats = categoryNames.size();
    double plotW = dimensions.length * cats * catW + (dimensions.length - 1) * GROUP_GAP
        + 2 * 10;
    double minPlotW = 620;
    double inset = 10 + Math.max(0, (minPlotW - plotW) / 2);
    plotW = Math.max(plotW, minPlotW);
    int width = (int) Math.ceil(LEFT + plotW + RIGHT);

    List<Canvas.Item> legend = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Color col = Plots.optimizerColor(k);
      legend.add(new Canvas.Item((g, x, y) -> swatch(g, x, y, col, false),
          optimizers.get(k).label()));
    }
    legend.add(new Canvas.Item((g, x, y) -> swatch(g, x, y, Color.GRAY, false),
        "solid: on the proxy"));
    legend.add(new Canvas.Item((g, x, y) -> swatch(g, x, y, Color.GRAY, true),
        "hatched: on the true function"));
    if (anySeed) {
      legend.add(new Canvas.Item((g, x, y) -> seedMarker(g, x, y, false),
          "seed study's published figure"));
    }
    if (anyDefect) {
      legend.add(new Canvas.Item((g, x, y) -> seedMarker(g, x, y, true),
          "seed figure of a non-standard function (see summary.md)"));
    }
    legend.add(new Canvas.Item(errorGlyph(), String.format(Locale.ROOT,
        "mean ± std over %d seed%s, cut at 0", seeds, seeds == 1 ? "" : "s")));
    double legendH = Canvas.legendHeight(legend, width - 40);
    int labelsH = 62;
    int height = (int) Math.ceil(TOP + PLOT_H + labelsH + legendH + 8);

    Canvas c = new Canvas(width, height);
    c.text(function + ": distance from the point found to the true optimum x*", width / 2.0, 14,
        0.5, 0, Canvas.TITLE, Canvas.INK);
    double top = top(all);
    Canvas.Scale ys = new Canvas.Scale(0, top, false, TOP + PLOT_H, TOP);
    for (double t : ys.ticks()) {
      c.line(LEFT, ys.px(t), LEFT + plotW, ys.px(t), Canvas.GRID, Canvas.stroke(1));
    }
    double x = LEFT + inset;
    int ci = 0;
    for (int d : dimensions) {
      double groupStart = x;
      for (String s : categoryNames) {
        List<Bar> bars = all.get(ci++);
        double x0 = x + (catW - n * barW) / 2;
        for (int k = 0; k < n; k++) {
          bar(c, ys, x0 + k * barW, barW, bars.get(k), Plots.optimizerColor(k), s.isEmpty(),
              top);
        }
        c.text(s.isEmpty() ? "truth" : s, x + catW / 2, TOP + PLOT_H + 7, 0.5, 0, Canvas.TICK,
            Canvas.INK);
        x += catW;
      }
      double groupEnd = x;
      double by = TOP + PLOT_H + 27;
      c.line(groupStart + 6, by, groupEnd - 6, by, Canvas.INK, Canvas.stroke(1));
      c.line(groupStart + 6, by - 4, groupStart + 6, by, Canvas.INK, Canvas.stroke(1));
      c.line(groupEnd - 6, by - 4, groupEnd - 6, by, Canvas.INK, Canvas.stroke(1));
      c.text(d + "-D", (groupStart + groupEnd) / 2, by + 4, 0.5, 0, Canvas.LABEL, Canvas.INK);
      x += GROUP_GAP;
    }
    // the frame and the value axis only: the categories are labelled above
    c.g.setColor(Canvas.INK);
    c.g.setStroke(Canvas.stroke(1));
    c.g.draw(new Rectangle2D.Double(LEFT, TOP, plotW, PLOT_H));
    double labelW = 0;
    for (double t : ys.ticks()) {
      c.line(LEFT - 5, ys.px(t), LEFT, ys.px(t), Canvas.INK, Canvas.stroke(1));
      String l = ys.label(t);
      labelW = Math.max(labelW, Canvas.width(l, Canvas.TICK));
      c.text(l, LEFT - 7, ys.px(t), 1, 0.5, Canvas.TICK, Canvas.INK);
    }
    c.textUp("Euclidean distance to x*", LEFT - 16 - labelW, TOP + PLOT_H / 2.0, Canvas.LABEL,
        Canvas.INK);
    c.legend(legend, 20, TOP + PLOT_H + labelsH, width - 40);
    return c.save(file);
  }

  private static void bar(Canvas c, Canvas.Scale ys, double x, double w, Bar b, Color color,
      boolean hatched, double top) {
    Graphics2D g = c.g;
    double inner = w - 2;
    if (b.ours().present()) {
      double y = ys.px(b.ours().mean());
      Rectangle2D.Double r = new Rectangle2D.Double(x + 1, y, inner, ys.px(0) - y);
      g.setPaint(hatched ? hatch(color) : color);
      g.fill(r);
      g.setColor(darker(color));
      g.setStroke(Canvas.stroke(1));
      g.draw(r);
      double[] e = errorBar(b.ours());
      double ex = b.seed().isPresent() ? x + w * 0.35 : x + w / 2;
      errorBar(c, ex, ys.px(e[0]), ys.px(e[1]), Canvas.INK, 1.2);
      if (e[1] < SHORT_BAR * top) {
        c.textUpFrom(b.ours().mean() == 0 ? "0" : String.format(Locale.ROOT, "%.3g",
            b.ours().mean()), x + w / 2,
            ys.px(e[1]) - 4, Canvas.SMALL, Canvas.INK);
      }
    } else {
      c.text("–", x + w / 2, ys.px(0) - 4, 0.5, 1, Canvas.SMALL, Color.GRAY);
    }
    if (b.seed().isPresent()) {
      MeanStd s = b.seed().get();
      double sx = x + w * 0.68;
      double[] e = errorBar(s);
      errorBar(c, sx, ys.px(e[0]), ys.px(e[1]), new Color(0x555555), 1.0);
      seedMarker(g, sx, ys.px(s.mean()), b.seedDefective());
    }
  }

  private static void errorBar(Canvas c, double x, double y0, double y1, Color col, double w) {
    if (Math.abs(y0 - y1) < 0.5) {
      return;
    }
    c.line(x, y0, x, y1, col, Canvas.stroke(w));
    c.line(x - 3, y0, x + 3, y0, col, Canvas.stroke(w));
    c.line(x - 3, y1, x + 3, y1, col, Canvas.stroke(w));
  }

  private static void seedMarker(Graphics2D g, double x, double y, boolean defective) {
    Canvas.marker(g, Canvas.Mark.DIAMOND, x, y, 4.2, defective ? new Color(0xBBBBBB)
        : Color.BLACK);
  }

  private static Canvas.Glyph errorGlyph() {
    return (g, x, y) -> {
      g.setColor(Canvas.INK);
      g.setStroke(new BasicStroke(1.2f));
      g.draw(new java.awt.geom.Line2D.Double(x, y - 7, x, y + 7));
      g.draw(new java.awt.geom.Line2D.Double(x - 3, y - 7, x + 3, y - 7));
      g.draw(new java.awt.geom.Line2D.Double(x - 3, y + 7, x + 3, y + 7));
    };
  }

  private static void swatch(Graphics2D g, double x, double y, Color c, boolean hatched) {
    Rectangle2D.Double r = new Rectangle2D.Double(x - 9, y - 7, 18, 14);
    g.setPaint(hatched ? hatch(c) : c);
    g.fill(r);
    g.setColor(darker(c));
    g.setStroke(Canvas.stroke(1));
    g.draw(r);
  }

  /** Diagonal stripes of the colour on a light tint of it. */
  private static TexturePaint hatch(Color c) {
    int size = 6;
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color((c.getRed() + 3 * 255) / 4, (c.getGreen() + 3 * 255) / 4,
        (c.getBlue() + 3 * 255) / 4));
    g.fillRect(0, 0, size, size);
    g.setColor(c);
    g.setStroke(new BasicStroke(2f));
    g.drawLine(-1, size + 1, size + 1, -1);
    g.drawLine(-1, 1, 1, -1);
    g.drawLine(size - 1, size + 1, size + 1, size - 1);
    g.dispose();
    return new TexturePaint(img, new Rectangle2D.Double(0, 0, size, size));
  }

  private static Color darker(Color c) {
    return new Color((int) (c.getRed() * 0.7), (int) (c.getGreen() * 0.7),
        (int) (c.getBlue() * 0.7));
  }
}
