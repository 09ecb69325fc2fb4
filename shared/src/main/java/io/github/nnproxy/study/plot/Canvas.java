package io.github.nnproxy.study.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A figure drawn with Java2D: text with anchors, axes with ticks on linear or log scales,
 * markers with a white halo (legible on any colour map) and a legend laid out in rows below the
 * plots, so the plotting area keeps its size however many entries the legend has. The study's
 * plots need square panels, colour bars and annotations that XChart cannot place; this is the
 * small part of a plotting library they use. One canvas is drawn by one thread.
 */
public final class Canvas {
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  static final Color INK = new Color(0x222222);
  static final Color GRID = new Color(0xE4E4E4);

  /** Marker shapes, by index. */
  enum Mark { CIRCLE, TRIANGLE_UP, DIAMOND, SQUARE, TRIANGLE_DOWN, PENTAGON, STAR, CROSS }

  /** Something drawn in front of a legend entry, centred on a point. */
  interface Glyph {
    void draw(Graphics2D g, double cx, double cy);
  }

  /** A legend entry. */
  record Item(Glyph glyph, String label) {}

  final BufferedImage image;
  final Graphics2D g;

  Canvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
  }

  /** Writes the canvas as a PNG. */
  Path save(Path file) {
    g.dispose();
    return Plots.save(image, file);
  }

  static double width(String s, Font f) {
    return f.getStringBounds(s, new java.awt.font.FontRenderContext(null, true, true))
        .getWidth();
  }

  /**
   * Draws text whose anchor point, {@code (ax, ay)} in fractions of its box (0, 0 the top left,
   * 0.5, 0.5 the centre), lies at {@code (x, y)}.
   */
  void text(String s, double x, double y, double ax, double ay, Font f, Color c) {
    g.setFont(f);
    g.setColor(c);
    var m = g.getFontMetrics();
    double w = m.getStringBounds(s, g).getWidth();
    double h = m.getAscent() + m.getDescent();
    g.drawString(s, (float) (x - ax * w), (float) (y - ay * h + m.getAscent()));
  }

  /** Draws white text on a dark halo, legible on any colour of a map. */
  void haloText(String s, double x, double y, double ax, double ay, java.awt.Font f) {
    Color halo = new Color(0, 0, 0, 140);
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        if (dx != 0 || dy != 0) {
          text(s, x + dx, y + dy, ax, ay, f, halo);
        }
      }
    }
    text(s, x, y, ax, ay, f, Color.WHITE);
  }

  /** Draws text turned a quarter left (reading upwards), centred on {@code (x, y)}. */
  void textUp(String s, double x, double y, Font f, Color c) {
    AffineTransform old = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    text(s, 0, 0, 0.5, 0.5, f, c);
    g.setTransform(old);
  }

  /** Draws text turned a quarter left with its end at {@code (x, y)}, reading upwards. */
  void textUpFrom(String s, double x, double y, Font f, Color c) {
    AffineTransform old = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    text(s, 0, 0, 0, 0.5, f, c);
    g.setTransform(old);
  }

  /** Draws a line. */
  void line(double x0, double y0, double x1, double y1, Color c, Stroke s) {
    g.setColor(c);
    g.setStroke(s);
    g.draw(new Line2D.Double(x0, y0, x1, y1));
  }

  static Stroke stroke(double w) {
    return new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
  }

  static Stroke dashed(double w) {
    return new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {4f, 3f}, 0f);
  }

  /** A marker's outline centred on {@code (cx, cy)} with "radius" {@code r}. */
  static Shape shape(Mark mark, double cx, double cy, double r) {
    return switch (mark) {
      case CIRCLE -> new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
      case SQUARE -> new Rectangle2D.Double(cx - 0.85 * r, cy - 0.85 * r, 1.7 * r, 1.7 * r);
      case DIAMOND -> polygon(cx, cy, r * 1.2, 4, 0);
      case TRIANGLE_UP -> polygon(cx, cy + 0.2 * r, r * 1.25, 3, 0);
      case TRIANGLE_DOWN -> polygon(cx, cy - 0.2 * r, r * 1.25, 3, Math.PI);
      case PENTAGON -> polygon(cx, cy, r * 1.1, 5, 0);
      case STAR -> star(cx, cy, r * 1.5, r * 0.62);
      case CROSS -> cross(cx, cy, r);
    };
  }

  private static Shape polygon(double cx, double cy, double r, int n, double turn) {
    Path2D.Double p = new Path2D.Double();
    for (int k = 0; k < n; k++) {
      double a = turn + 2 * Math.PI * k / n;
      double x = cx + r * Math.sin(a);
      double y = cy - r * Math.cos(a);
      if (k == 0) {
        p.moveTo(x, y);
      } else {
        p.lineTo(x, y);
      }
    }
    p.closePath();
    return p;
  }

  private static Shape star(double cx, double cy, double outer, double inner) {
    Path2D.Double p = new Path2D.Double();
    for (int k = 0; k < 10; k++) {
      double r = k % 2 == 0 ? outer : inner;
      double a = Math.PI * k / 5;
      double x = cx + r * Math.sin(a);
      double y = cy - r * Math.cos(a);
      if (k == 0) {
        p.moveTo(x, y);
      } else {
        p.lineTo(x, y);
      }
    }
    p.closePath();
    return p;
  }

  private static Shape cross(double cx, double cy, double r) {
    double a = r * 0.35;
    Path2D.Double p = new Path2D.Double();
    p.moveTo(cx - r, cy - r + a);
    p.lineTo(cx - r + a, cy - r);
    p.lineTo(cx, cy - a);
    p.lineTo(cx + r - a, cy - r);
    p.lineTo(cx + r, cy - r + a);
    p.lineTo(cx + a, cy);
    p.lineTo(cx + r, cy + r - a);
    p.lineTo(cx + r - a, cy + r);
    p.lineTo(cx, cy + a);
    p.lineTo(cx - r + a, cy + r);
    p.lineTo(cx - r, cy + r - a);
    p.lineTo(cx - a, cy);
    p.closePath();
    return p;
  }

  /** Draws a filled marker with a dark edge inside a white halo. */
  static void marker(Graphics2D g, Mark mark, double cx, double cy, double r, Color fill) {
    Shape s = shape(mark, cx, cy, r);
    g.setColor(new Color(255, 255, 255, 220));
    g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(s);
    g.setColor(fill);
    g.fill(s);
    g.setColor(INK);
    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(s);
  }

  /** A glyph: a filled marker. */
  static Glyph markerGlyph(Mark mark, double r, Color fill) {
    return (g, x, y) -> marker(g, mark, x, y, r, fill);
  }

  /** A glyph: a short line. */
  static Glyph lineGlyph(Color c, Stroke s) {
    return (g, x, y) -> {
      g.setColor(c);
      g.setStroke(s);
      g.draw(new Line2D.Double(x - 11, y, x + 11, y));
    };
  }

  private static final double GLYPH = 32;
  private static final double ROW = 20;
  private static final double GAP = 22;

  /** The rows of a legend in the given width, each a list of entries. */
  static List<List<Item>> rows(List<Item> items, double width) {
    List<List<Item>> rows = new ArrayList<>();
    List<Item> row = new ArrayList<>();
    double used = 0;
    for (Item it : items) {
      double w = GLYPH + width(it.label(), LABEL) + GAP;
      if (!row.isEmpty() && used + w > width) {
        rows.add(row);
        row = new ArrayList<>();
        used = 0;
      }
      row.add(it);
      used += w;
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return rows;
  }

  /** The height a legend takes in the given width. */
  static double legendHeight(List<Item> items, double width) {
    return rows(items, width).size() * ROW + 12;
  }

  /** Draws a legend in rows, each row centred in {@code [x, x + width]}, from {@code y} down. */
  void legend(List<Item> items, double x, double y, double width) {
    double top = y + 6;
    for (List<Item> row : rows(items, width)) {
      double w = -GAP;
      for (Item it : row) {
        w += GLYPH + width(it.label(), LABEL) + GAP;
      }
      double cx = x + (width - w) / 2;
      for (Item it : row) {
        it.glyph().draw(g, cx + 13, top + ROW / 2);
        text(it.label(), cx + GLYPH, top + ROW / 2, 0, 0.5, LABEL, INK);
        cx += GLYPH + width(it.label(), LABEL) + GAP;
      }
      top += ROW;
    }
  }

  /**
   * A scale from data to pixels: {@code lo} maps to {@code p0} and {@code hi} to {@code p1}
   * (for a vertical axis {@code p0} is the bottom). Log scales map {@code log10} linearly.
   */
  record Scale(double lo, double hi, boolean log, double p0, double p1) {
    double px(double v) {
      double t = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
          : (v - lo) / (hi - lo);
      return p0 + t * (p1 - p0);
    }

    /** Tick positions: 1-2-5 steps on a linear scale, decades (and 2, 5) on a log one. */
    List<Double> ticks() {
      return log ? logTicks(lo, hi) : linearTicks(lo, hi, Math.abs(p1 - p0) / 70);
    }

    String label(double v) {
      return log ? logLabel(v) : linearLabel(v, step(hi - lo, Math.abs(p1 - p0) / 70));
    }
  }

  static double step(double range, double approxCount) {
    double raw = range / Math.max(2, approxCount);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
  }

  static List<Double> linearTicks(double lo, double hi, double approxCount) {
    double step = step(hi - lo, approxCount);
    List<Double> t = new ArrayList<>();
    for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
      t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
    }
    return t;
  }

  static List<Double> logTicks(double lo, double hi) {
    List<Double> t = new ArrayList<>();
    int k0 = (int) Math.floor(Math.log10(lo));
    int k1 = (int) Math.ceil(Math.log10(hi));
    int[] mult = k1 - k0 <= 3 ? new int[] {1, 2, 5} : new int[] {1};
    int every = Math.max(1, (k1 - k0 + 7) / 8);
    for (int k = k0; k <= k1; k++) {
      if ((k - k0) % every != 0 && mult.length == 1) {
        continue;
      }
      for (int m : mult) {
        double v = m * Math.pow(10, k);
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
          t.add(v);
        }
      }
    }
    return t;
  }

  static String linearLabel(double v, double step) {
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  static String logLabel(double v) {
    double k = Math.log10(v);
    if (k >= -3 && k < 5) {
      int decimals = Math.max(0, (int) -Math.floor(k + 1e-9));
      return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
    return String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-").replace("e+0", "e")
        .replace("e+", "e");
  }

  /** Draws light grid lines at the ticks of both scales inside the box. */
  void grid(Scale x, Scale y) {
    for (double t : x.ticks()) {
      line(x.px(t), y.p0(), x.px(t), y.p1(), GRID, stroke(1));
    }
    for (double t : y.ticks()) {
      line(x.p0(), y.px(t), x.p1(), y.px(t), GRID, stroke(1));
    }
  }

  /** Draws the frame, outward ticks with labels, and the axis titles. */
  void axes(Scale x, Scale y, String xTitle, String yTitle) {
    g.setColor(INK);
    g.setStroke(stroke(1));
    double left = Math.min(x.p0(), x.p1());
    double top = Math.min(y.p0(), y.p1());
    g.draw(new Rectangle2D.Double(left, top, Math.abs(x.p1() - x.p0()),
        Math.abs(y.p1() - y.p0())));
    double bottom = Math.max(y.p0(), y.p1());
    for (double t : x.ticks()) {
      double px = x.px(t);
      line(px, bottom, px, bottom + 5, INK, stroke(1));
      text(x.label(t), px, bottom + 7, 0.5, 0, TICK, INK);
    }
    double labelW = 0;
    for (double t : y.ticks()) {
      double py = y.px(t);
      line(left - 5, py, left, py, INK, stroke(1));
      String s = y.label(t);
      labelW = Math.max(labelW, width(s, TICK));
      text(s, left - 7, py, 1, 0.5, TICK, INK);
    }
    if (xTitle != null) {
      text(xTitle, (x.p0() + x.p1()) / 2, bottom + 26, 0.5, 0, LABEL, INK);
    }
    if (yTitle != null) {
      textUp(yTitle, left - 16 - labelW, (y.p0() + y.p1()) / 2, LABEL, INK);
    }
  }

  /** Clips drawing to the box of two scales until {@link #unclip()}. */
  void clip(Scale x, Scale y) {
    g.setClip(new Rectangle2D.Double(Math.min(x.p0(), x.p1()), Math.min(y.p0(), y.p1()),
        Math.abs(x.p1() - x.p0()), Math.abs(y.p1() - y.p0())));
  }

  void unclip() {
    g.setClip(null);
  }
}
