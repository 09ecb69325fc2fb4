package io.github.nnproxy.store;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Evaluations a team has already logged, read from a CSV file for a warm start: {@code
 * trainer.fit(data.x(), data.y(), data.domain())} trains a proxy on them without a single new
 * simulation. Rows with a missing or non-finite value, or a missing, non-numeric or non-finite
 * input, are skipped and counted, never guessed.
 *
 * <p>The file has a header row naming its columns; any other columns are ignored. An {@link
 * EvaluationStore#writeCsv(Path) exported store} reads with the defaults ({@code x1 ... xd} and
 * {@code value}). Numbers are read exactly as {@link Double#parseDouble} reads them, so the arrays
 * are bit for bit those written. Immutable: the accessors return copies.
 *
 * <pre>{@code
 * LoggedEvaluations data = LoggedEvaluations.readCsv(Path.of("runs.csv"),
 *     List.of("pressure", "temperature"), "yield");
 * Proxy proxy = ProxyTrainer.defaults().fit(data.x(), data.y(), data.range());
 * }</pre>
 *
 * @param inputs the names of the input columns, in the order of the coordinates
 * @param value the name of the value column
 * @param x the usable rows' inputs
 * @param y the usable rows' values
 * @param rowsRead the data rows in the file
 * @param missingValue rows skipped because the value was empty
 * @param nonFiniteValue rows skipped because the value was NaN or infinite (or not a number)
 * @param badInput rows skipped because an input was empty, not a number, or not finite
 */
public record LoggedEvaluations(List<String> inputs, String value, double[][] x, double[] y,
    int rowsRead, int missingValue, int nonFiniteValue, int badInput) {

  private static final Pattern NUMBERED_INPUT = Pattern.compile("x\\d+");

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the lengths disagree
   */
  public LoggedEvaluations {
    inputs = List.copyOf(inputs);
    nonNull(value, "value");
    x = Arrays.stream(nonNull(x, "x")).map(double[]::clone).toArray(double[][]::new);
    y = nonNull(y, "y").clone();
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y must have the same length, but had "
          + x.length + " and " + y.length);
    }
  }

  /**
   * Reads a CSV file of logged evaluations.
   *
   * @param file the file, with a header row
   * @param inputs the input columns, in order; empty for every column named {@code x1, x2, ...}
   *     in the order of their numbers
   * @param value the value column
   * @return the usable rows and the counts of the skipped ones
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a named column is missing (the message lists the file's
   *     columns), or the file has no header
   * @throws UncheckedIOException if the file cannot be read
   */
  public static LoggedEvaluations readCsv(Path file, List<String> inputs, String value) {
    nonNull(file, "file");
    nonNull(inputs, "inputs");
    nonNull(value, "value");
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(format).get()) {
      Map<String, Integer> header = p.getHeaderMap();
      if (header == null || header.isEmpty()) {
        throw new IllegalArgumentException(file + " has no header row naming its columns");
      }
      List<String> in = inputs.isEmpty() ? numberedInputs(header.keySet()) : inputs;
      if (in.isEmpty()) {
        throw new IllegalArgumentException(file + " has no columns x1, x2, ...: name the "
            + "input columns (its columns are " + header.keySet() + ")");
      }
      for (String c : in) {
        requireColumn(header, c, file, "input");
      }
      requireColumn(header, value, file, "value");
      if (in.contains(value)) {
        throw new IllegalArgumentException("column '" + value + "' cannot be both an input "
            + "and the value");
      }
      int[] inIdx = in.stream().mapToInt(header::get).toArray();
      int valueIdx = header.get(value);
      List<double[]> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      int rows = 0;
      int missing = 0;
      int nonFinite = 0;
      int bad = 0;
      for (CSVRecord rec : p) {
        rows++;
        double[] row = new double[inIdx.length];
        boolean ok = true;
        for (int j = 0; j < inIdx.length && ok; j++) {
          Double v = number(rec, inIdx[j]);
          ok = v != null && Double.isFinite(v);
          if (ok) {
            row[j] = v;
          }
        }
        if (!ok) {
          bad++;
          continue;
        }
        String text = valueIdx < rec.size() ? rec.get(valueIdx) : "";
        if (text.isEmpty()) {
          missing++;
          continue;
        }
        Double v = number(rec, valueIdx);
        if (v == null || !Double.isFinite(v)) {
          nonFinite++;
          continue;
        }
        xs.add(row);
        ys.add(v);
      }
      return new LoggedEvaluations(in, value, xs.toArray(double[][]::new),
          ys.stream().mapToDouble(Double::doubleValue).toArray(), rows, missing, nonFinite, bad);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (java.io.UncheckedIOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e.getCause());
    }
  }

  /**
   * Returns the smallest box holding every usable row: the domain a proxy of this data serves
   * when no bounds are given.
   *
   * @return the data's range
   * @throws IllegalArgumentException if there are no usable rows, or an input takes one value
   *     only (give bounds instead)
   */
  public Domain range() {
    if (x.length == 0) {
      throw new IllegalArgumentException("no usable rows to take bounds from");
    }
    int d = inputs.size();
    double[] lo = new double[d];
    double[] hi = new double[d];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        lo[j] = Math.min(lo[j], row[j]);
        hi[j] = Math.max(hi[j], row[j]);
      }
    }
    for (int j = 0; j < d; j++) {
      if (!(lo[j] < hi[j])) {
        throw new IllegalArgumentException("input '" + inputs.get(j) + "' takes the single value "
            + lo[j] + " in the data: give its bounds");
      }
    }
    return Domain.of(lo, hi);
  }

  /**
   * Returns copies of the usable rows' inputs.
   *
   * @return the inputs, one row per evaluation
   */
  @Override
  public double[][] x() {
    return Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
  }

  /**
   * Returns a copy of the usable rows' values.
   *
   * @return the values
   */
  @Override
  public double[] y() {
    return y.clone();
  }

  /**
   * Returns the number of rows skipped.
   *
   * @return missing values, non-finite values and bad inputs together
   */
  public int skipped() {
    return missingValue + nonFiniteValue + badInput;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoggedEvaluations e && inputs.equals(e.inputs) && value.equals(e.value)
        && Arrays.deepEquals(x, e.x) && Arrays.equals(y, e.y) && rowsRead == e.rowsRead
        && missingValue == e.missingValue && nonFiniteValue == e.nonFiniteValue
        && badInput == e.badInput;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(inputs, value, Arrays.deepHashCode(x), Arrays.hashCode(y),
        rowsRead, missingValue, nonFiniteValue, badInput);
  }

  @Override
  public String toString() {
    return "LoggedEvaluations[" + y.length + " of " + rowsRead + " rows usable, inputs "
        + inputs + ", value " + value + "; skipped: " + missingValue + " missing value, "
        + nonFiniteValue + " non-finite value, " + badInput + " bad input]";
  }

  private static List<String> numberedInputs(java.util.Set<String> columns) {
    return columns.stream().filter(c -> NUMBERED_INPUT.matcher(c).matches())
        .sorted(java.util.Comparator.comparingInt(c -> Integer.parseInt(c.substring(1))))
        .toList();
  }

  private static void requireColumn(Map<String, Integer> header, String c, Path file,
      String what) {
    if (!header.containsKey(c)) {
      throw new IllegalArgumentException(file + " has no " + what + " column '" + c
          + "' (its columns are " + header.keySet() + ")");
    }
  }

  private static Double number(CSVRecord rec, int idx) {
    if (idx >= rec.size()) {
      return null;
    }
    String s = rec.get(idx);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
