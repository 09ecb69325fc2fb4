package io.github.nnproxy.study;

import io.github.nnproxy.internal.OutputFiles;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What the study's plots share: the colour scale, the markers and colours of the optimizers,
 * and writing PNGs. XChart's {@link BitmapEncoder} renders into an off-screen image, so plotting
 * works on a headless machine. Stateless.
 */
final class Plots {
  /** Ten steps of matplotlib's perceptually uniform "viridis" map, low to high. */
  static final Color[] VIRIDIS = {
      new Color(0x440154), new Color(0x482878), new Color(0x3E4A89), new Color(0x31688E),
      new Color(0x26828E), new Color(0x1F9E89), new Color(0x35B779), new Color(0x6DCD59),
      new Color(0xB4DE2C), new Color(0xFDE725)};

  /** Colours of the optimizers' points, readable on the viridis map and on the white legend. */
  static final Color[] OPTIMIZER_COLORS = {
      new Color(0xFF8C00), new Color(0xFF4FA0), Color.CYAN, new Color(0xB0B0B0),
      new Color(0x8B4513)};

  /** Markers of the optimizers' points. */
  static final Marker[] OPTIMIZER_MARKERS = {
      SeriesMarkers.CIRCLE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.DIAMOND,
      SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.SQUARE};

  /** Colour of the true optimum's marker. */
  static final Color OPTIMUM = Color.RED;

  private Plots() {}

  static Color optimizerColor(int i) {
    return OPTIMIZER_COLORS[i % OPTIMIZER_COLORS.length];
  }

  static Marker optimizerMarker(int i) {
    return OPTIMIZER_MARKERS[i % OPTIMIZER_MARKERS.length];
  }

  /** Writes one chart as a PNG, via a temporary sibling file. */
  static Path save(Chart<?, ?> chart, Path file) {
    return save(List.of(chart), 1, 1, file);
  }

  /** Writes charts side by side in a grid as one PNG, via a temporary sibling file. */
  static <T extends Chart<?, ?>> Path save(List<T> charts, int rows, int cols, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = OutputFiles.createSibling(file.toAbsolutePath().getParent(),
          file.getFileName().toString(), ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          if (charts.size() == 1) {
            BitmapEncoder.saveBitmap(charts.get(0), out, BitmapFormat.PNG);
          } else {
            BitmapEncoder.saveBitmap(charts, rows, cols, out, BitmapFormat.PNG);
          }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write plot " + file, e);
    }
  }
}
