package io.github.nnproxy.study.plot;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.study.MeanStd;
import io.github.nnproxy.study.RunRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed study's figure for a 2-D function and scheme, as two square panels with one colour
 * bar: the true landscape and the proxy's, coloured by {@code f(x) - f*} on a log scale (so the
 * basin of the minimum is resolved, not merged into one band), the proxy's training points, the
 * true minimizer x*, every run's answer per optimizer joined to x* by a dashed line, and the
 * mean distance of the answers to x* written in each panel. When the answers lie close to x*, an
 * inset magnifies the square around it.
 *
 * <p>Both panels and their insets share one colour scale, so equal colours mean equal values.
 * Values at or below the scale's floor (see {@link ColourScale#of}), including proxy values below
 * f*, take its darkest colour. Stateless.
 */
public final class LandscapePlot {
  /** At most this many training points are drawn; more would hide the landscape. */
  static final int MAX_TRAINING_POINTS = 2000;

  private static final int P = 440; // panel side in pixels
  private static final int LEFT = 78;
  private static final int GAP = 92;
  private static final int TOP = 70;
  private static final int BAR_GAP = 22;
  private static final int BAR_W = 18;
  private static final int RIGHT = 92;
  private static final int INSET = 150;
  private static final int INSET_RESOLUTION = 60;
  private static final int WIDTH = LEFT + P + GAP + P + BAR_GAP + BAR_W + RIGHT;

  private LandscapePlot() {}

  /**
   * A log colour scale of {@code f(x) - f*} from {@code floor} to {@code top}, both positive.
   *
   * @param floor the value drawn in the darkest colour, and everything below it
   * @param top the value drawn in the brightest colour
   */
  public record ColourScale(double floor, double top) {
    /** Where an excess over f* falls on the map, 0 at or below the floor, 1 at the top. */
    public double position(double excess) {
      if (!(excess > floor)) {
        return 0;
      }
      return Math.min(1, Math.log(excess / floor) / Math.log(top / floor));
    }

    /** How many times below the panel grid's lowest excess an inset may extend the scale. */
    static final double INSET_DEPTH = 10;

    /**
     * The scale of the values: from the smallest positive excess over f* of the true values on
     * the panel's grid, or lower where the inset's grid reaches lower (at most {@value
     * #INSET_DEPTH} times, so the panel keeps most of the colours), to the largest excess of
     * any value. Excesses below a billionth of the largest (a grid point on x*) are ignored.
     *
     * @param truth the true values on the panel's grid
     * @param truthInset the true values on the inset's grid, possibly none
     * @param approx the proxy's values on both grids
     * @param fStar the true minimum
     */
    public static ColourScale of(
        double[] truth, double[] truthInset, double[] approx, double fStar) {
      double top = 0;
      for (double[] z : new double[][] {truth, truthInset, approx}) {
        for (double v : z) {
          if (Double.isFinite(v)) {
            top = Math.max(top, v - fStar);
          }
        }
      }
      if (!(top > 0)) {
        top = 1;
      }
      double panel = lowest(truth, fStar, top * 1e-9);
      double inset = lowest(truthInset, fStar, top * 1e-9);
      double floor = Math.min(panel, Math.max(inset, panel / INSET_DEPTH));
      if (!(floor < top)) {
        floor = top * 1e-3;
      }
      return new ColourScale(floor, top);
    }

    private static double lowest(double[] values, double fStar, double above) {
      double low = Double.POSITIVE_INFINITY;
      for (double v : values) {
        double e = v - fStar;
        if (e > above && e < low) {
          low = e;
        }
      }
      return low;
    }
  }

  /**
   * Draws the plot.
   *
   * @param f the function
   * @param proxy its proxy
   * @param scheme the proxy's sampling scheme
   * @param training the points the proxy was trained on
   * @param proxyRuns the runs on the proxy
   * @param truthRuns the runs on the true function
   * @param optimizers the optimizer labels, in the study's order
   * @param resolution grid cells per axis
   * @param file the PNG to write
   * @return {@code file}
   */
  static Path draw(BenchmarkFunction f, Proxy proxy, String scheme, double[][] training,
      List<RunRecord> proxyRuns, List<RunRecord> truthRuns, List<String> optimizers,
      int resolution, Path file) {
    double[][] grid = grid(f, resolution);
    double[] truth = f.evaluateAll(grid);
    double[] approx = proxy.evaluateAll(grid);
    double fStar = f.optimalValue();
    double[] opt = f.optimum();
    var d0 = f.domain();
    double hTruth = insetHalfWidth(opt, truthRuns, d0.upper(0) - d0.lower(0),
        d0.upper(1) - d0.lower(1));
    double hProxy = insetHalfWidth(opt, proxyRuns, d0.upper(0) - d0.lower(0),
        d0.upper(1) - d0.lower(1));
    double[] truthInset = hTruth > 0 ? f.evaluateAll(insetGrid(opt, hTruth)) : new double[0];
    double[] proxyInset = hProxy > 0 ? proxy.evaluateAll(insetGrid(opt, hProxy)) : new double[0];
    // the insets take part in the scale, so it resolves the values next to x*
    ColourScale scale = ColourScale.of(truth, truthInset, concat(approx, proxyInset), fStar);

    List<Canvas.Item> legend = legend(f, training, optimizers, proxyRuns, truthRuns);
    if (hTruth > 0 || hProxy > 0) {
      legend.add(new Canvas.Item((g, x, y) -> {
        g.setColor(Plots.VIRIDIS[1]);
        g.fill(new Rectangle2D.Double(x - 12, y - 8, 24, 16));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Rectangle2D.Double(x - 7, y - 5, 14, 10));
      }, "inset: the square around x* magnified"));
    }
    double legendH = Canvas.legendHeight(legend, WIDTH - 40);
    int height = (int) Math.ceil(TOP + P + 58 + legendH + 8);
    Canvas c = new Canvas(WIDTH, height);
    c.text(String.format(Locale.ROOT, "%s 2-D: the true function and its proxy trained on %,d "
        + "%s points", f.name(), training.length, scheme), WIDTH / 2.0, 12, 0.5, 0,
        Canvas.TITLE, Canvas.INK);
    panel(c, LEFT, "true function f", f, hTruth, truthInset, truth, scale, resolution, null,
        truthRuns, optimizers);
    panel(c, LEFT + P + GAP, String.format(Locale.ROOT, "proxy (validation R² %.4f)",
        proxy.quality().validationR2()), f, hProxy, proxyInset, approx, scale, resolution,
        training, proxyRuns, optimizers);
    colourBar(c, LEFT + 2 * P + GAP + BAR_GAP, scale);
    c.legend(legend, 20, TOP + P + 52, WIDTH - 40);
    return c.save(file);
  }

  private static List<Canvas.Item> legend(BenchmarkFunction f, double[][] training,
      List<String> optimizers, List<RunRecord> proxyRuns, List<RunRecord> truthRuns) {
    List<Canvas.Item> items = new ArrayList<>();
    items.add(new Canvas.Item((g, x, y) -> {
      g.setColor(Plots.VIRIDIS[1]);
      g.fill(new Rectangle2D.Double(x - 13, y - 9, 26, 18));
      crosshair(g, x, y);
    },
        String.format(Locale.ROOT, "true minimizer x* (f* = %s)", fmt(f.optimalValue()))));
    long most = 0;
    for (int k = 0; k < optimizers.size(); k++) {
      String label = optimizers.get(k);
      long n = Math.max(proxyRuns.stream().filter(r -> r.optimizer().equals(label)).count(),
          truthRuns.stream().filter(r -> r.optimizer().equals(label)).count());
      if (n > 0) {
        items.add(new Canvas.Item(Canvas.markerGlyph(Plots.optimizerMark(k), 5,
            Plots.optimizerColor(k)), label));
        most = Math.max(most, n);
      }
    }
    items.add(new Canvas.Item((g, x, y) -> {
      g.setColor(Plots.VIRIDIS[1]);
      g.fill(new Rectangle2D.Double(x - 12, y - 5, 24, 10));
      Canvas.lineGlyph(Color.WHITE, Canvas.dashed(1.4)).draw(g, x, y);
    }, "x* to a run's answer" + (most > 0 ? " (" + most + (most == 1 ? " run" : " runs")
        + " per optimizer and panel)" : "")));
    int shown = Math.min(training.length, MAX_TRAINING_POINTS);
    items.add(new Canvas.Item((g, x, y) -> trainingPoint(g, x, y), shown == training.length
        ? String.format(Locale.ROOT, "training points (%,d)", training.length)
        : String.format(Locale.ROOT, "training points (%,d of %,d shown)", shown,
            training.length)));
    return items;
  }

  private static void panel(Canvas c, int left, String title, BenchmarkFunction f,
      double h, double[] insetValues, double[] z, ColourScale scale,
      int resolution, double[][] training, List<RunRecord> runs, List<String> optimizers) {
    var dom = f.domain();
    Canvas.Scale xs = new Canvas.Scale(dom.lower(0), dom.upper(0), false, left, left + P);
    Canvas.Scale ys = new Canvas.Scale(dom.lower(1), dom.upper(1), false, TOP + P, TOP);
    c.text(title, left + P / 2.0, TOP - 24, 0.5, 0, Canvas.SUBTITLE, Canvas.INK);
    double fStar = f.optimalValue();
    heatMap(c, z, resolution, scale, fStar, left, TOP, P);
    c.clip(xs, ys);
    if (training != null) {
      for (int i = 0; i < Math.min(training.length, MAX_TRAINING_POINTS); i++) {
        trainingPoint(c.g, xs.px(training[i][0]), ys.px(training[i][1]));
      }
    }
    double[] opt = f.optimum();
    answers(c, xs, ys, opt, runs, optimizers);
    double ox = xs.px(opt[0]);
    double oy = ys.px(opt[1]);
    c.haloText("x*", ox + 12, oy - 9, 0, 1, Canvas.LABEL);
    if (h > 0) {
      inset(c, xs, ys, left, f, insetValues, opt, h, scale, runs, optimizers);
    }
    distances(c, left, runs, optimizers);
    c.unclip();
    c.axes(xs, ys, "x1", "x2");
  }

  /** Draws values of a square grid (column-major from the bottom left) as a smooth image. */
  private static void heatMap(Canvas c, double[] z, int resolution, ColourScale scale,
      double fStar, double x, double y, double side) {
    BufferedImage img = new BufferedImage(resolution, resolution, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < resolution; i++) {
      for (int j = 0; j < resolution; j++) {
        double v = z[i * resolution + j];
        img.setRGB(i, resolution - 1 - j, Plots.viridis(scale.position(v - fStar)).getRGB());
      }
    }
    c.g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    c.g.drawImage(img, (int) Math.round(x), (int) Math.round(y), (int) Math.round(side),
        (int) Math.round(side), null);
  }

  /** The dashed lines from x* to each answer, x*'s crosshair, then the answers on top. */
  private static void answers(Canvas c, Canvas.Scale xs, Canvas.Scale ys, double[] opt,
      List<RunRecord> runs, List<String> optimizers) {
    double ox = xs.px(opt[0]);
    double oy = ys.px(opt[1]);
    for (RunRecord r : runs) {
      double[] x = r.x();
      c.line(ox, oy, xs.px(x[0]), ys.px(x[1]), new Color(255, 255, 255, 220), Canvas.dashed(1.4));
    }
    crosshair(c.g, ox, oy);
    for (int k = 0; k < optimizers.size(); k++) {
      for (RunRecord r : runs) {
        if (r.optimizer().equals(optimizers.get(k))) {
          double[] x = r.x();
          Canvas.marker(c.g, Plots.optimizerMark(k), xs.px(x[0]), ys.px(x[1]), 5,
              Plots.optimizerColor(k));
        }
      }
    }
  }

  /** The true minimizer: a white ring and cross on a dark halo, open so answers show through. */
  static void crosshair(java.awt.Graphics2D g, double x, double y) {
    java.awt.Shape ring = new Ellipse2D.Double(x - 7, y - 7, 14, 14);
    java.awt.geom.Path2D.Double cross = new java.awt.geom.Path2D.Double();
    cross.moveTo(x - 12, y);
    cross.lineTo(x - 3, y);
    cross.moveTo(x + 3, y);
    cross.lineTo(x + 12, y);
    cross.moveTo(x, y - 12);
    cross.lineTo(x, y - 3);
    cross.moveTo(x, y + 3);
    cross.lineTo(x, y + 12);
    g.setColor(new Color(0, 0, 0, 170));
    g.setStroke(new BasicStroke(4f));
    g.draw(ring);
    g.draw(cross);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(2f));
    g.draw(ring);
    g.draw(cross);
  }

  /**
   * The half-width of the square around x* that the inset magnifies: a quarter more than the
   * farthest answer's offset along either axis, at least a 400th of the domain; 0 (no inset) if
   * the answers lie so far from x* that the panel itself shows them apart.
   */
  public static double insetHalfWidth(
      double[] opt, List<RunRecord> runs, double spanX, double spanY) {
    if (runs.isEmpty()) {
      return 0;
    }
    double span = Math.max(spanX, spanY);
    double far = 0;
    for (RunRecord r : runs) {
      double[] x = r.x();
      far = Math.max(far, Math.max(Math.abs(x[0] - opt[0]), Math.abs(x[1] - opt[1])));
    }
    double h = Math.max(far * 1.25, span / 400);
    return h > span / 8 ? 0 : h;
  }

  private static void inset(Canvas c, Canvas.Scale xs, Canvas.Scale ys, int left,
      BenchmarkFunction f, double[] zz, double[] opt, double h,
      ColourScale scale, List<RunRecord> runs, List<String> optimizers) {
    double ox = xs.px(opt[0]);
    double oy = ys.px(opt[1]);
    // the corner farthest from x*, the top left being the distances' box
    double[][] corners = {{left + P - INSET - 8, TOP + P - INSET - 8}, {left + 8, TOP + P - INSET
        - 8}, {left + P - INSET - 8, TOP + 8}};
    double[] at = corners[0];
    double best = -1;
    for (double[] k : corners) {
      double dx = Math.max(0, Math.max(k[0] - ox, ox - k[0] - INSET));
      double dy = Math.max(0, Math.max(k[1] - oy, oy - k[1] - INSET));
      if (dx * dx + dy * dy > best) {
        best = dx * dx + dy * dy;
        at = k;
      }
    }
    // the magnified square in the panel, joined to the inset
    double rx0 = xs.px(opt[0] - h);
    double rx1 = xs.px(opt[0] + h);
    double ry0 = ys.px(opt[1] + h);
    double ry1 = ys.px(opt[1] - h);
    double rw = Math.max(4, rx1 - rx0);
    Rectangle2D.Double region = new Rectangle2D.Double((rx0 + rx1 - rw) / 2,
        (ry0 + ry1 - rw) / 2, rw, rw);
    c.g.setColor(Color.WHITE);
    c.g.setStroke(new BasicStroke(1f));
    c.g.draw(region);
    c.line(region.getCenterX(), region.getCenterY(), at[0] + INSET / 2.0, at[1] + INSET / 2.0,
        new Color(255, 255, 255, 150), new BasicStroke(0.8f));
    heatMap(c, zz, INSET_RESOLUTION, scale, f.optimalValue(), at[0], at[1], INSET);
    Canvas.Scale ixs = new Canvas.Scale(opt[0] - h, opt[0] + h, false, at[0], at[0] + INSET);
    Canvas.Scale iys = new Canvas.Scale(opt[1] - h, opt[1] + h, false, at[1] + INSET, at[1]);
    java.awt.Shape outer = c.g.getClip();
    c.g.clip(new Rectangle2D.Double(at[0], at[1], INSET, INSET));
    answers(c, ixs, iys, opt, runs, optimizers);
    c.text(String.format(Locale.ROOT, "x* ± %.3g", h), at[0] + 4, at[1] + INSET - 3, 0, 1,
        Canvas.SMALL, Color.WHITE);
    c.g.setClip(outer);
    c.g.setColor(Color.WHITE);
    c.g.setStroke(new BasicStroke(2f));
    c.g.draw(new Rectangle2D.Double(at[0], at[1], INSET, INSET));
    c.g.setColor(Canvas.INK);
    c.g.setStroke(new BasicStroke(1f));
    c.g.draw(new Rectangle2D.Double(at[0] - 1, at[1] - 1, INSET + 2, INSET + 2));
  }

  /** Writes the mean distance to x* of each optimizer's answers in the panel's top left. */
  private static void distances(Canvas c, int left, List<RunRecord> runs,
      List<String> optimizers) {
    List<String> lines = new ArrayList<>();
    List<Integer> which = new ArrayList<>();
    for (int k = 0; k < optimizers.size(); k++) {
      String label = optimizers.get(k);
      double[] d = runs.stream().filter(r -> r.optimizer().equals(label))
          .mapToDouble(RunRecord::distance).toArray();
      if (d.length > 0) {
        MeanStd m = MeanStd.of(d);
        lines.add(String.format(Locale.ROOT, "%s  %.4f", label, m.mean()));
        which.add(k);
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    String head = "distance to x*, mean over runs";
    double w = Canvas.width(head, Canvas.SMALL);
    for (String s : lines) {
      w = Math.max(w, Canvas.width(s, Canvas.SMALL) + 16);
    }
    double h = 16 + 14 * lines.size();
    var g = c.g;
    g.setColor(new Color(255, 255, 255, 215));
    g.fill(new Rectangle2D.Double(left + 6, TOP + 6, w + 12, h));
    c.text(head, left + 12, TOP + 10, 0, 0, Canvas.SMALL, Canvas.INK);
    for (int i = 0; i < lines.size(); i++) {
      double y = TOP + 10 + 14 * (i + 1) + 6;
      Canvas.marker(g, Plots.optimizerMark(which.get(i)), left + 17, y, 3.5,
          Plots.optimizerColor(which.get(i)));
      c.text(lines.get(i), left + 28, y, 0, 0.5, Canvas.SMALL, Canvas.INK);
    }
  }

  private static void trainingPoint(java.awt.Graphics2D g, double x, double y) {
    Ellipse2D.Double dot = new Ellipse2D.Double(x - 1.6, y - 1.6, 3.2, 3.2);
    g.setColor(new Color(255, 255, 255, 170));
    g.fill(dot);
    g.setColor(new Color(0, 0, 0, 150));
    g.setStroke(new BasicStroke(0.6f));
    g.draw(dot);
  }

  private static void colourBar(Canvas c, int left, ColourScale scale) {
    BufferedImage img = new BufferedImage(1, 256, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 256; i++) {
      img.setRGB(0, 255 - i, Plots.viridis(i / 255.0).getRGB());
    }
    c.g.drawImage(img, left, TOP, BAR_W, P, null);
    c.g.setColor(Canvas.INK);
    c.g.setStroke(Canvas.stroke(1));
    c.g.draw(new Rectangle2D.Double(left, TOP, BAR_W, P));
    Canvas.Scale s = new Canvas.Scale(scale.floor(), scale.top(), true, TOP + P, TOP);
    double labelW = 0;
    for (double t : s.ticks()) {
      double y = s.px(t);
      if (y > TOP + P - 14) {
        continue; // the floor's own label goes there
      }
      c.line(left + BAR_W, y, left + BAR_W + 5, y, Canvas.INK, Canvas.stroke(1));
      String l = s.label(t);
      labelW = Math.max(labelW, Canvas.width(l, Canvas.TICK));
      c.text(l, left + BAR_W + 7, y, 0, 0.5, Canvas.TICK, Canvas.INK);
    }
    String floor = "≤ " + fmt(scale.floor());
    c.line(left + BAR_W, TOP + P, left + BAR_W + 5, TOP + P, Canvas.INK, Canvas.stroke(1));
    labelW = Math.max(labelW, Canvas.width(floor, Canvas.TICK));
    c.text(floor, left + BAR_W + 7, TOP + P, 0, 0.5, Canvas.TICK, Canvas.INK);
    c.textUp("f(x) − f*  (log scale)", left + BAR_W + 16 + labelW, TOP + P / 2.0, Canvas.LABEL,
        Canvas.INK);
  }

  /** Cell centres of the inset's grid over the square of half-width {@code h} around x*. */
  public static double[][] insetGrid(double[] opt, double h) {
    double[][] g = new double[INSET_RESOLUTION * INSET_RESOLUTION][];
    double step = 2 * h / INSET_RESOLUTION;
    for (int i = 0; i < INSET_RESOLUTION; i++) {
      for (int j = 0; j < INSET_RESOLUTION; j++) {
        g[i * INSET_RESOLUTION + j] = new double[] {opt[0] - h + (i + 0.5) * step,
            opt[1] - h + (j + 0.5) * step};
      }
    }
    return g;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Cell centres of a {@code resolution x resolution} grid over the domain. */
  public static double[][] grid(BenchmarkFunction f, int resolution) {
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

  private static String fmt(double v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
  }
}
