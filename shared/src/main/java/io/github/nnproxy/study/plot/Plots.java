package io.github.nnproxy.study.plot;

import io.github.nnproxy.internal.OutputFiles;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What the study's plots share: the colour map, the colours and markers of the optimizers, and
 * writing PNGs, drawn with XChart (whose {@link BitmapEncoder} renders off-screen) or with
 * {@link Canvas}; both work on a headless machine. Stateless.
 */
public final class Plots {
  /** Matplotlib's perceptually uniform "viridis" map at 0, 0.1, ..., 1, low to high. */
  static final Color[] VIRIDIS = {
      new Color(0x440154), new Color(0x482475), new Color(0x414487), new Color(0x355F8D),
      new Color(0x2A788E), new Color(0x21918C), new Color(0x22A884), new Color(0x44BF70),
      new Color(0x7AD151), new Color(0xBDDF26), new Color(0xFDE725)};

  /**
   * Colours of the optimizers: the Okabe-Ito palette, told apart by colour-blind readers,
   * reordered so the first two (blue, orange) differ most.
   */
  static final Color[] OPTIMIZER_COLORS = {
      new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
      new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x7F7F7F)};

  /** Markers of the optimizers' points. */
  static final Canvas.Mark[] OPTIMIZER_MARKS = {
      Canvas.Mark.CIRCLE, Canvas.Mark.TRIANGLE_UP, Canvas.Mark.DIAMOND, Canvas.Mark.SQUARE,
      Canvas.Mark.TRIANGLE_DOWN, Canvas.Mark.PENTAGON};

  private Plots() {}

  static Color optimizerColor(int i) {
    return OPTIMIZER_COLORS[i % OPTIMIZER_COLORS.length];
  }

  static Canvas.Mark optimizerMark(int i) {
    return OPTIMIZER_MARKS[i % OPTIMIZER_MARKS.length];
  }

  /** The viridis colour at {@code t} in [0, 1], interpolated linearly between its steps. */
  static Color viridis(double t) {
    double u = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (VIRIDIS.length - 1);
    int i = Math.min(VIRIDIS.length - 2, (int) u);
    double w = u - i;
    Color a = VIRIDIS[i];
    Color b = VIRIDIS[i + 1];
    return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
  }

  /** Writes one chart as a PNG, via a temporary sibling file. */
  static Path save(Chart<?, ?> chart, Path file) {
    return save(List.of(chart), 1, 1, file);
  }

  /** Writes an image as a PNG, via a temporary sibling file. */
  static Path save(BufferedImage image, Path file) {
    return write(file, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer in this JDK");
      }
    });
  }

  /** Writes charts side by side in a grid as one PNG, via a temporary sibling file. */
  static <T extends Chart<?, ?>> Path save(List<T> charts, int rows, int cols, Path file) {
    return write(file, out -> {
      if (charts.size() == 1) {
        BitmapEncoder.saveBitmap(charts.get(0), out, BitmapFormat.PNG);
      } else {
        BitmapEncoder.saveBitmap(charts, rows, cols, out, BitmapFormat.PNG);
      }
    });
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static Path write(Path file, Writer writer) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      OutputFiles.writeAtomically(file, writer::write);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write plot " + file, e);
    }
  }
}
