package io.github.nnproxy.study;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes {@code runs.csv} (the deterministic columns of every run) and {@code
 * timings.csv} (each run's wall time), and appends to both while a study runs.
 *
 * <p>Numbers are written with {@link Double#toString(double)}: locale-independent and exact
 * (they read back to the same bits); NaN is an empty field. The point found is one field of
 * space-separated coordinates. Instances are thread-safe: {@link #append} is synchronized.
 */
final class RunsCsv implements Closeable {
  static final String RUNS = "runs.csv";
  static final String TIMINGS = "timings.csv";
  static final String[] RUN_HEADER = {"function", "dimension", "scheme", "optimizer", "seed",
      "run_seed", "objective", "distance", "true_value", "regret", "optimizer_value",
      "proxy_value", "proxy_error", "evaluations", "in_domain", "x"};
  static final String[] TIMING_HEADER = {"function", "dimension", "scheme", "optimizer", "seed",
      "objective", "wall_seconds"};

  private final CSVPrinter runs;
  private final CSVPrinter timings;

  private RunsCsv(CSVPrinter runs, CSVPrinter timings) {
    this.runs = runs;
    this.timings = timings;
  }

  /** Creates both files in {@code dir} with their headers, replacing old ones. */
  static RunsCsv create(Path dir) {
    try {
      return new RunsCsv(printer(dir.resolve(RUNS), RUN_HEADER),
          printer(dir.resolve(TIMINGS), TIMING_HEADER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir.resolve(RUNS), e);
    }
  }

  /** Appends a run to both files and flushes them. */
  synchronized void append(RunRecord r) {
    try {
      runs.printRecord(runRow(r));
      runs.flush();
      timings.printRecord(timingRow(r));
      timings.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + RUNS, e);
    }
  }

  @Override
  public synchronized void close() {
    try (CSVPrinter a = runs; CSVPrinter b = timings) {
      // closes both
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + RUNS, e);
    }
  }

  /** Reads the runs back from {@code dir}, with the wall times of {@code timings.csv}. */
  static List<RunRecord> read(Path dir) {
    Map<String, Duration> wall = new HashMap<>();
    for (CSVRecord c : records(dir.resolve(TIMINGS))) {
      double s = Double.parseDouble(c.get("wall_seconds"));
      wall.put(key(c.get("function"), c.get("dimension"), c.get("scheme"), c.get("optimizer"),
          c.get("seed"), c.get("objective")), Duration.ofNanos(Math.round(s * 1e9)));
    }
    List<RunRecord> out = new ArrayList<>();
    for (CSVRecord c : records(dir.resolve(RUNS))) {
      String[] xs = c.get("x").trim().split(" ");
      double[] x = new double[xs.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = Double.parseDouble(xs[i]);
      }
      Duration w = wall.getOrDefault(key(c.get("function"), c.get("dimension"), c.get("scheme"),
          c.get("optimizer"), c.get("seed"), c.get("objective")), Duration.ZERO);
      out.add(new RunRecord(c.get("function"), Integer.parseInt(c.get("dimension")),
          c.get("scheme"), c.get("optimizer"), Long.parseLong(c.get("seed")),
          Long.parseLong(c.get("run_seed")), Objective.parse(c.get("objective")), x,
          num(c.get("distance")), num(c.get("true_value")), num(c.get("regret")),
          num(c.get("optimizer_value")), num(c.get("proxy_value")), num(c.get("proxy_error")),
          Long.parseLong(c.get("evaluations")), Boolean.parseBoolean(c.get("in_domain")), w));
    }
    return out;
  }

  /** Rewrites both files with the runs in the given order, each via a temporary file. */
  static void rewrite(Path dir, List<RunRecord> sorted) {
    List<List<Object>> runRows = new ArrayList<>();
    List<List<Object>> timingRows = new ArrayList<>();
    for (RunRecord r : sorted) {
      runRows.add(runRow(r));
      timingRows.add(timingRow(r));
    }
    writeAtomically(dir.resolve(RUNS), RUN_HEADER, runRows);
    writeAtomically(dir.resolve(TIMINGS), TIMING_HEADER, timingRows);
  }

  /** Writes a whole CSV file to a temporary sibling, then renames it into place. */
  static void writeAtomically(Path file, String[] header, List<List<Object>> rows) {
    try {
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(),
          file.getFileName().toString(), ".tmp");
      try {
        try (CSVPrinter p = printer(tmp, header)) {
          for (List<Object> row : rows) {
            p.printRecord(row);
          }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Formats a double exactly and without locale; NaN becomes an empty field. */
  static String fmt(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static double num(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  private static List<Object> runRow(RunRecord r) {
    StringBuilder x = new StringBuilder();
    for (double v : r.x()) {
      x.append(x.length() == 0 ? "" : " ").append(v);
    }
    return List.of(r.function(), r.dimension(), r.scheme(), r.optimizer(), r.seed(),
        r.runSeed(), r.objective().label(), fmt(r.distance()), fmt(r.trueValue()),
        fmt(r.regret()), fmt(r.optimizerValue()), fmt(r.proxyValue()), fmt(r.proxyError()),
        r.evaluations(), r.inDomain(), x.toString());
  }

  private static List<Object> timingRow(RunRecord r) {
    return List.of(r.function(), r.dimension(), r.scheme(), r.optimizer(), r.seed(),
        r.objective().label(), fmt(r.wallTime().toNanos() / 1e9));
  }

  private static String key(String... parts) {
    return String.join("\u0000", parts);
  }

  private static CSVPrinter printer(Path file, String[] header) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header)
        .setRecordSeparator('\n').get());
  }

  private static List<CSVRecord> records(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
