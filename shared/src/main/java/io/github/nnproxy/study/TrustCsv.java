package io.github.nnproxy.study;

import io.github.nnproxy.study.report.RowAppender;
import io.github.nnproxy.study.report.RunFiles;
import io.github.nnproxy.study.report.RunsCsv;
import io.github.nnproxy.study.report.TrustReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@value #RUNS} (one row per run of a {@link TrustStudy}) and {@value #TIMINGS} (its wall time),
 * streamed, restored and rewritten with the stability study's crash-safe machinery ({@link
 * RowAppender}, {@link RunsCsv#lines}, {@link RunsCsv#writeAtomically}). Numbers are written as
 * {@link Double#toString(double)}. Not API; stateless.
 */
final class TrustCsv implements RunFiles<TrustCsv.Row> {
  static final String RUNS = TrustReport.CSV;
  static final String TIMINGS = "trust-timings.csv";
  static final String[] RUN_HEADER = TrustReport.HEADER.split(",");
  static final String[] TIMING_HEADER = {"function", "dimension", "scheme", "optimizer", "seed",
      "method", "wall_seconds"};
  static final TrustCsv FILES = new TrustCsv();

  /** A run and its wall time, which goes to the timings file only. */
  record Row(TrustRun run, double wallSeconds) {}

  private TrustCsv() {}

  @Override
  public String name() {
    return RUNS;
  }

  @Override
  public Restored<Row> restore(Path dir) {
    Map<String, Double> wall = new HashMap<>();
    for (String[] c : RunsCsv.lines(dir.resolve(TIMINGS), TIMING_HEADER).rows()) {
      try {
        wall.put(String.join("\u0000", c[0], c[1], c[2], c[3], c[4], c[5]),
            Double.parseDouble(c[6]));
      } catch (RuntimeException e) {
        // a bad timing only loses a wall time
      }
    }
    RunsCsv.Lines read = RunsCsv.lines(dir.resolve(RUNS), RUN_HEADER);
    List<Row> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int dropped = read.dropped();
    for (String[] c : read.rows()) {
      try {
        TrustMethod m = method(c[5], c[6]);
        TrustRun r = new TrustRun(c[0], Integer.parseInt(c[1]), c[2], c[3], Long.parseLong(c[4]),
            m, Double.parseDouble(c[7]), Double.parseDouble(c[8]), Long.parseLong(c[9]));
        String k = key(r);
        if (seen.add(k)) {
          out.add(new Row(r, wall.getOrDefault(String.join("\u0000", c[0], c[1], c[2], c[3], c[4],
              c[5]), 0.0)));
        } else {
          dropped++;
        }
      } catch (RuntimeException e) {
        dropped++;
      }
    }
    return new Restored<>(out, dropped);
  }

  private static TrustMethod method(String letter, String label) {
    for (TrustMethod m : TrustMethod.values()) {
      if (m.letter().equals(letter) && m.label().equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no method " + letter + " " + label);
  }

  /** The identity of a run: function, dimension, scheme, optimizer, seed, method. */
  static String key(TrustRun r) {
    return key(r.function(), r.dimension(), r.scheme(), r.optimizer(), r.seed(), r.method());
  }

  static String key(String function, int d, String scheme, String optimizer, long seed,
      TrustMethod method) {
    return String.join("\u0000", function, Integer.toString(d), scheme, optimizer,
        Long.toString(seed), method.letter());
  }

  @Override
  public void rewrite(Path dir, List<Row> sorted) {
    List<List<Object>> runRows = new ArrayList<>();
    List<List<Object>> timingRows = new ArrayList<>();
    for (Row r : sorted) {
      runRows.add(runRow(r));
      timingRows.add(timingRow(r));
    }
    RunsCsv.writeAtomically(dir.resolve(RUNS), RUN_HEADER, runRows);
    RunsCsv.writeAtomically(dir.resolve(TIMINGS), TIMING_HEADER, timingRows);
  }

  @Override
  public Appender<Row> open(Path dir, List<Row> kept) {
    rewrite(dir, kept);
    RowAppender files = RowAppender.open(dir.resolve(RUNS), dir.resolve(TIMINGS));
    return new Appender<>() {
      @Override
      public void append(Row row) {
        files.append(runRow(row), timingRow(row));
      }

      @Override
      public void close() {
        files.close();
      }
    };
  }

  private static List<Object> runRow(Row row) {
    TrustRun r = row.run();
    return List.of(r.function(), r.dimension(), r.scheme(), r.optimizer(), r.seed(),
        r.method().letter(), r.method().label(), Double.toString(r.distance()),
        Double.toString(r.trueValue()), r.trueEvaluations());
  }

  private static List<Object> timingRow(Row row) {
    TrustRun r = row.run();
    return List.of(r.function(), r.dimension(), r.scheme(), r.optimizer(), r.seed(),
        r.method().letter(), RunsCsv.fmt(row.wallSeconds()));
  }
}
