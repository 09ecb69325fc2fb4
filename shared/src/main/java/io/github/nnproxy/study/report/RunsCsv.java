package io.github.nnproxy.study.report;

import io.github.nnproxy.internal.OutputFiles;
import io.github.nnproxy.study.Objective;
import io.github.nnproxy.study.RunRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code runs.csv} (the deterministic columns of every run) and {@code
 * timings.csv} (each run's wall time), and appends to both while a study runs.
 *
 * <p>Numbers are written with {@link Double#toString(double)}: locale-independent and exact
 * (they read back to the same bits); NaN is an empty field. The point found is one field of
 * space-separated coordinates. Instances are thread-safe: {@link #append} is synchronized.
 *
 * <p>Crash safety: {@link #append} writes each row as one complete line with a single unbuffered
 * {@code write} (the timing row first, then the run row), so a process killed at any moment leaves
 * every earlier line complete and at most a torn last line. {@link #restore} reads a folder back
 * line by line and drops a torn or unparseable line (its run is simply made again); {@link #open}
 * rewrites the files with the rows kept before it appends.
 */
public final class RunsCsv implements RunFiles.Appender<RunRecord> {
  private static final Logger LOG = LoggerFactory.getLogger(RunsCsv.class);
  public static final String RUNS = "runs.csv";
  public static final String TIMINGS = "timings.csv";
  public static final String[] RUN_HEADER = {"function", "dimension", "scheme", "optimizer", "seed",
      "run_seed", "objective", "distance", "true_value", "regret", "optimizer_value",
      "proxy_value", "proxy_error", "evaluations", "in_domain", "x"};
  public static final String[] TIMING_HEADER = {
    "function", "dimension", "scheme", "optimizer", "seed", "objective", "wall_seconds"
  };
  private static final CSVFormat LINE = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  /** The two files as the {@link io.github.nnproxy.study.StudyEngine} uses them. */
  public static final RunFiles<RunRecord> FILES =
      RunFiles.of(RUNS, dir -> {
        RunsCsv.Restored r = RunsCsv.restore(dir);
        return new RunFiles.Restored<>(r.runs(), r.dropped());
      }, RunsCsv::rewrite, RunsCsv::open);

  private final RowAppender files;

  private RunsCsv(RowAppender files) {
    this.files = files;
  }

  /** What a folder's {@code runs.csv} holds: its complete, valid rows, and the lines dropped. */
  public record Restored(List<RunRecord> runs, int dropped) {}

  /**
   * Rewrites both files in {@code dir} with the given runs (via temporary files), then opens them
   * for appending.
   */
  static RunsCsv open(Path dir, List<RunRecord> kept) {
    rewrite(dir, kept);
    return new RunsCsv(RowAppender.open(dir.resolve(RUNS), dir.resolve(TIMINGS)));
  }

  /**
   * Appends a run to both files: each row is one complete line written with a single call to the
   * unbuffered file stream, the timing first, so every run in {@code runs.csv} has its timing.
   */
  @Override
  public void append(RunRecord r) {
    files.append(runRow(r), timingRow(r));
  }

  @Override
  public void close() {
    files.close();
  }

  /** Reads the runs back from {@code dir}, with the wall times of {@code timings.csv}. */
  static List<RunRecord> read(Path dir) {
    return restore(dir).runs();
  }

  /**
   * Reads what a (possibly interrupted) study left in {@code dir}: every complete line of {@code
   * runs.csv} that parses into a run, each run once (the first row wins), with the wall time of
   * {@code timings.csv} (zero if it has none). A torn last line, or a line that does not parse, is
   * dropped, counted and logged. A missing file holds no runs.
   *
   * @throws IllegalStateException if {@code runs.csv} has a complete header line that is not this
   *     version's header
   */
  public static Restored restore(Path dir) {
    Map<String, Duration> wall = new HashMap<>();
    for (String[] c : lines(dir.resolve(TIMINGS), TIMING_HEADER).rows) {
      try {
        double s = Double.parseDouble(c[6]);
        wall.put(key(c[0], c[1], c[2], c[3], c[4], c[5]), Duration.ofNanos(Math.round(s * 1e9)));
      } catch (RuntimeException e) {
        // a bad timing only loses a wall time
      }
    }
    Lines read = lines(dir.resolve(RUNS), RUN_HEADER);
    List<RunRecord> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int dropped = read.dropped;
    for (String[] c : read.rows) {
      RunRecord r;
      try {
        r = parseRun(c);
      } catch (RuntimeException e) {
        LOG.warn("dropping an unreadable row of {}: {} ({})", dir.resolve(RUNS),
            String.join(",", c), e.toString());
        dropped++;
        continue;
      }
      String k = key(r.function(), Integer.toString(r.dimension()), r.scheme(), r.optimizer(),
          Long.toString(r.seed()), r.objective().label());
      if (seen.add(k)) {
        out.add(r.withWallTime(wall.getOrDefault(k, Duration.ZERO)));
      } else {
        dropped++;
      }
    }
    return new Restored(out, dropped);
  }

  private static RunRecord parseRun(String[] c) {
    String[] xs = c[15].trim().split(" ");
    double[] x = new double[xs.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Double.parseDouble(xs[i]);
    }
    if (!c[14].equals("true") && !c[14].equals("false")) {
      throw new IllegalArgumentException("in_domain must be true or false, but was " + c[14]);
    }
    return new RunRecord(c[0], Integer.parseInt(c[1]), c[2], c[3], Long.parseLong(c[4]),
        Long.parseLong(c[5]), Objective.parse(c[6]), x, num(c[7]), num(c[8]), num(c[9]),
        num(c[10]), num(c[11]), num(c[12]), Long.parseLong(c[13]), Boolean.parseBoolean(c[14]),
        Duration.ZERO);
  }

  /** The data rows of a CSV file with the given header, and the lines dropped. */
  public record Lines(List<String[]> rows, int dropped) {}

  /**
   * Reads the complete data rows of a CSV file written by {@link #writeAtomically} and appended
   * with {@link #line}: a torn last line or a line without {@code header.length} fields is
   * dropped and counted; a missing file has no rows. Shared by the studies' run files.
   *
   * @throws IllegalStateException if the file's complete header line is not {@code header}
   */
  public static Lines lines(Path file, String[] header) {
    if (!Files.exists(file)) {
      return new Lines(List.of(), 0);
    }
    String text;
    try {
      // REPLACE, not REPORT: a line with bad bytes is dropped below, not the whole file
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    int end = text.lastIndexOf('\n');
    int dropped = 0;
    if (end + 1 < text.length()) {
      LOG.warn("dropping the torn last line of {}: {}", file, text.substring(end + 1));
      dropped++;
    }
    if (end < 0) {
      return new Lines(List.of(), dropped); // not even a complete header
    }
    String[] all = text.substring(0, end).split("\n", -1);
    String expected = LINE.format((Object[]) header);
    if (!all[0].equals(expected)) {
      throw new IllegalStateException(file + " does not start with the header of this nnproxy"
          + " version (" + expected + "), but with: " + all[0] + ". Use a new output folder.");
    }
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < all.length; i++) {
      String[] fields = fields(all[i], header.length);
      if (fields == null) {
        LOG.warn("dropping line {} of {}: {}", i + 1, file, all[i]);
        dropped++;
      } else {
        rows.add(fields);
      }
    }
    return new Lines(rows, dropped);
  }

  /** Parses one line into exactly {@code n} fields, or null if it is not such a line. */
  private static String[] fields(String line, int n) {
    if (line.indexOf('\uFFFD') >= 0 || line.indexOf('\0') >= 0) {
      return null;
    }
    try (Reader r = new StringReader(line)) {
      List<CSVRecord> recs = CSVFormat.DEFAULT.parse(r).getRecords();
      if (recs.size() != 1 || recs.get(0).size() != n) {
        return null;
      }
      return recs.get(0).values();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return null;
    }
  }

  /** One CSV row as the bytes of one complete line, for a single unbuffered append. */
  static byte[] line(List<Object> row) {
    return (LINE.format(row.toArray()) + "\n").getBytes(StandardCharsets.UTF_8);
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
  public static void writeAtomically(Path file, String[] header, List<List<Object>> rows) {
    try {
      OutputFiles.writeAtomically(file, out -> {
        CSVPrinter p = printer(out, header);
        for (List<Object> row : rows) {
          p.printRecord(row);
        }
        p.flush();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Formats a double exactly and without locale; NaN becomes an empty field. */
  public static String fmt(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** Parses a field written by {@link #fmt}: empty is NaN. */
  static double num(String s) {
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

  private static CSVPrinter printer(OutputStream out, String[] header) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header)
        .setRecordSeparator('\n').get());
  }

}
