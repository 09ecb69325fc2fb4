package io.github.nnproxy.study.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A parity plot of one proxy: its prediction against the true value on fresh hold-out points
 * drawn from the cell's own sampler, with the diagonal {@code proxy = truth}, in two square
 * panels with equal axes. The left shows every point with the R2 and RMSE; the right zooms on the
 * lowest {@value #ZOOM_FRACTION_PERCENT} % of the true values (at least {@value #ZOOM_MIN_POINTS}
 * points), where an optimizer's answer is decided and where a good R2 over the whole range can
 * hide a large error, with the RMSE and mean bias of those points. Both mark the true minimizer
 * x* at {@code (f*, proxy(x*))}. Stateless.
 */
public final class ParityPlot {
  static final int ZOOM_FRACTION_PERCENT = 10;
  static final int ZOOM_MIN_POINTS = 20;

  private static final int P = 420;
  private static final int LEFT = 84;
  private static final int GAP = 96;
  private static final int TOP = 72;
  private static final int WIDTH = LEFT + P + GAP + P + 28;
  private static final Color POINT = new Color(0x31688E);
  private static final Color DIAGONAL = new Color(0xD62728);

  private ParityPlot() {}

  /**
   * Draws the plot.
   *
   * @param title what the proxy is, e.g. {@code "ackley 2-D dense-uniform"}
   * @param truth the true values
   * @param proxy the proxy's values at the same points
   * @param fStar the true minimum
   * @param proxyAtOptimum the proxy's value at the true minimizer
   * @param file the PNG to write
   * @return {@code file}
   */
  public static Path draw(String title, double[] truth, double[] proxy, double fStar,
      double proxyAtOptimum, Path file) {
    double limit = zoomLimit(truth);
    boolean[] in = new boolean[truth.length];
    int nIn = 0;
    for (int i = 0; i < truth.length; i++) {
      in[i] = truth[i] <= limit;
      nIn += in[i] ? 1 : 0;
    }
    double[] zt = new double[nIn];
    double[] zp = new double[nIn];
    for (int i = 0, j = 0; i < truth.length; i++) {
      if (in[i]) {
        zt[j] = truth[i];
        zp[j++] = proxy[i];
      }
    }
    double[] full = range(truth, proxy, fStar, proxyAtOptimum);
    double[] zoom = range(zt, zp, fStar, proxyAtOptimum);

    var legend = java.util.List.of(
        new Canvas.Item((g, x, y) -> point(g, x, y), "fresh hold-out point"),
        new Canvas.Item(Canvas.lineGlyph(DIAGONAL, Canvas.stroke(1.5)), "proxy = truth"),
        new Canvas.Item(Canvas.markerGlyph(Canvas.Mark.STAR, 6, Color.WHITE),
            String.format(Locale.ROOT, "x*: f* = %.4g, proxy there %.4g", fStar,
                proxyAtOptimum)),
        new Canvas.Item(Canvas.lineGlyph(Canvas.INK, Canvas.dashed(1.2)),
            "the zoomed region"));
    double legendH = Canvas.legendHeight(legend, WIDTH - 40);
    int height = (int) Math.ceil(TOP + P + 56 + legendH + 8);
    Canvas c = new Canvas(WIDTH, height);
    c.text(String.format(Locale.ROOT, "parity of the %s proxy on %,d fresh points from its "
        + "sampler", title, truth.length), WIDTH / 2.0, 12, 0.5, 0, Canvas.TITLE, Canvas.INK);
    Canvas.Scale[] left = panel(c, LEFT, String.format(Locale.ROOT,
        "all points: R² %.4f, RMSE %.4g", r2(truth, proxy), rmse(truth, proxy)), full, truth,
        proxy, fStar, proxyAtOptimum);
    panel(c, LEFT + P + GAP, String.format(Locale.ROOT,
        "zoom, the %d lowest true values (f ≤ %.3g): RMSE %.3g, bias %+.3g", nIn, limit,
        rmse(zt, zp), bias(zt, zp)), zoom, zt, zp, fStar, proxyAtOptimum);
    double x0 = left[0].px(zoom[0]);
    double x1 = left[0].px(zoom[1]);
    double y0 = left[1].px(zoom[0]);
    double y1 = left[1].px(zoom[1]);
    c.clip(left[0], left[1]);
    c.g.setColor(Canvas.INK);
    c.g.setStroke(Canvas.dashed(1.2));
    c.g.draw(new Rectangle2D.Double(x0, y1, Math.max(2, x1 - x0), Math.max(2, y0 - y1)));
    c.unclip();
    c.legend(legend, 20, TOP + P + 50, WIDTH - 40);
    return c.save(file);
  }

  private static Canvas.Scale[] panel(Canvas c, int left, String title, double[] range,
      double[] truth, double[] proxy, double fStar, double proxyAtOptimum) {
    Canvas.Scale xs = new Canvas.Scale(range[0], range[1], false, left, left + P);
    Canvas.Scale ys = new Canvas.Scale(range[0], range[1], false, TOP + P, TOP);
    c.text(title, left + P / 2.0, TOP - 24, 0.5, 0, Canvas.SUBTITLE, Canvas.INK);
    c.grid(xs, ys);
    c.clip(xs, ys);
    c.line(xs.px(range[0]), ys.px(range[0]), xs.px(range[1]), ys.px(range[1]), DIAGONAL,
        Canvas.stroke(1.5));
    for (int i = 0; i < truth.length; i++) {
      point(c.g, xs.px(truth[i]), ys.px(proxy[i]));
    }
    Canvas.marker(c.g, Canvas.Mark.STAR, xs.px(fStar), ys.px(proxyAtOptimum), 6.5, Color.WHITE);
    c.unclip();
    c.axes(xs, ys, "true value f(x)", "proxy value");
    return new Canvas.Scale[] {xs, ys};
  }

  private static void point(java.awt.Graphics2D g, double x, double y) {
    Ellipse2D.Double dot = new Ellipse2D.Double(x - 2.6, y - 2.6, 5.2, 5.2);
    g.setColor(new Color(POINT.getRed(), POINT.getGreen(), POINT.getBlue(), 150));
    g.fill(dot);
    g.setColor(POINT.darker());
    g.setStroke(new BasicStroke(0.6f));
    g.draw(dot);
  }

  /**
   * The largest true value of the zoomed panel: the {@value #ZOOM_FRACTION_PERCENT} % quantile
   * of the true values, or the {@value #ZOOM_MIN_POINTS}-th lowest if that holds more points.
   *
   * @param truth the true values, at least one
   * @return the limit, one of the values
   */
  public static double zoomLimit(double[] truth) {
    double[] s = truth.clone();
    Arrays.sort(s);
    int k = Math.max(ZOOM_MIN_POINTS, (int) Math.ceil(s.length * ZOOM_FRACTION_PERCENT / 100.0));
    return s[Math.min(s.length, k) - 1];
  }

  /** A common range of both axes holding every value and x*'s point, with a margin. */
  public static double[] range(
      double[] truth, double[] proxy, double fStar, double proxyAtOptimum) {
    double lo = Math.min(fStar, proxyAtOptimum);
    double hi = Math.max(fStar, proxyAtOptimum);
    for (double[] v : new double[][] {truth, proxy}) {
      for (double x : v) {
        if (Double.isFinite(x)) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
    }
    double pad = hi > lo ? 0.04 * (hi - lo) : Math.max(1e-9, Math.abs(hi) * 0.05 + 1e-9);
    return new double[] {lo - pad, hi + pad};
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

  /** The mean of {@code proxy - truth}. */
  public static double bias(double[] truth, double[] proxy) {
    double s = 0;
    for (int i = 0; i < truth.length; i++) {
      s += proxy[i] - truth[i];
    }
    return s / truth.length;
  }
}
