package io.github.nnproxy.study.report;

import io.github.nnproxy.study.MeanStd;
import io.github.nnproxy.study.Objective;
import io.github.nnproxy.study.SeedColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The seed study's published figures (resource {@code seed-figures.csv}) and its known defects.
 * Immutable after loading; thread-safe.
 */
public final class SeedFigures {
  private static final String RESOURCE = "/io/github/nnproxy/study/seed-figures.csv";
  private static final SeedFigures INSTANCE = load();

  private final Map<String, MeanStd> figures;

  private SeedFigures(Map<String, MeanStd> figures) {
    this.figures = Collections.unmodifiableMap(figures);
  }

  /** Returns the figures shipped with nnproxy. */
  public static SeedFigures published() {
    return INSTANCE;
  }

  /**
   * Returns the seed's distance figure of a cell.
   *
   * @param function the function's name
   * @param d the dimension
   * @param scheme the scheme's label, empty for truth
   * @param column PSO or GA
   * @param objective proxy or truth
   * @return the mean and std, or empty if the seed has no such figure
   */
  public Optional<MeanStd> distance(
      String function, int d, String scheme, SeedColumn column, Objective objective) {
    return Optional.ofNullable(figures.get(key(function, d, scheme, column, objective)));
  }

  /** Tells whether the seed studied this function in this dimension. */
  boolean studied(String function, int d) {
    return figures.keySet().stream().anyMatch(k -> k.startsWith(function + "|" + d + "|"));
  }

  /**
   * Returns why the seed's figure for a function and dimension is not of the standard function,
   * or empty if it is.
   */
  public static Optional<String> defect(String function, int d) {
    if (function.equals("rastrigin") && d == 10) {
      return Optional.of("the seed's 10-D Rastrigin summed only the first 4 coordinates, so its "
          + "figure is not of the standard 10-D function");
    }
    if (function.equals("rosenbrock") && (d == 4 || d == 10)) {
      return Optional.of("the seed's " + d + "-D Rosenbrock looped over the rows of a batch "
          + "instead of the coordinates, so its figure is not of the standard function");
    }
    return Optional.empty();
  }

  private static String key(
      String function, int d, String scheme, SeedColumn column, Objective objective) {
    return function + "|" + d + "|" + scheme + "|" + column + "|" + objective.label();
  }

  private static SeedFigures load() {
    Map<String, MeanStd> m = new HashMap<>();
    try (InputStream in = SeedFigures.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
      }
      Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
      for (CSVRecord c : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
          .setSkipHeaderRecord(true).get().parse(r)) {
        m.put(key(c.get("function"), Integer.parseInt(c.get("dimension")), c.get("scheme"),
            SeedColumn.valueOf(c.get("column")), Objective.parse(c.get("objective"))),
            new MeanStd(Double.parseDouble(c.get("mean")), Double.parseDouble(c.get("std"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
    }
    return new SeedFigures(m);
  }
}
