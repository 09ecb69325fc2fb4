package io.github.nnproxy.study.report;

import io.github.nnproxy.study.BudgetMethod;
import io.github.nnproxy.study.BudgetRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@value #RUNS} (the deterministic columns of every budget run, its trace included) and {@value
 * #TIMINGS} (each run's wall time and time inside the truth), written and restored with the
 * stability study's crash-safe machinery ({@link RunsCsv#line}, {@link RunsCsv#lines}, {@link
 * RunsCsv#writeAtomically}): every append is one complete line in one unbuffered write, the
 * timing first; a torn or unreadable line is dropped on restore and its run made again.
 * Thread-safe: {@link #append} is synchronized.
 */
public final class BudgetCsv implements RunFiles.Appender<BudgetRun> {
  public static final String RUNS = "budget-runs.csv";
  public static final String TIMINGS = "budget-timings.csv";
  static final String[] RUN_HEADER = {"function", "dimension", "budget", "method", "optimizer",
      "seed", "run_seed", "evaluations", "regret", "distance", "x", "trace"};
  static final String[] TIMING_HEADER = {"function", "dimension", "budget", "method", "optimizer",
      "seed", "wall_seconds", "truth_seconds"};

  /** The two files as the {@link io.github.nnproxy.study.StudyEngine} uses them. */
  public static final RunFiles<BudgetRun> FILES =
      RunFiles.of(RUNS, dir -> {
        BudgetCsv.Restored r = BudgetCsv.restore(dir);
        return new RunFiles.Restored<>(r.runs(), r.dropped());
      }, BudgetCsv::rewrite, BudgetCsv::open);

  private final RowAppender files;

  private BudgetCsv(RowAppender files) {
    this.files = files;
  }

  /** Rewrites both files with the kept runs, then opens them for appending. */
  public static BudgetCsv open(Path dir, List<BudgetRun> kept) {
    rewrite(dir, kept);
    return new BudgetCsv(RowAppender.open(dir.resolve(RUNS), dir.resolve(TIMINGS)));
  }

  @Override
  public void append(BudgetRun r) {
    files.append(runRow(r), timingRow(r));
  }

  @Override
  public void close() {
    files.close();
  }

  /** Rewrites both files with the runs in the given order. */
  public static void rewrite(Path dir, List<BudgetRun> sorted) {
    List<List<Object>> runRows = new ArrayList<>();
    List<List<Object>> timingRows = new ArrayList<>();
    for (BudgetRun r : sorted) {
      runRows.add(runRow(r));
      timingRows.add(timingRow(r));
    }
    RunsCsv.writeAtomically(dir.resolve(RUNS), RUN_HEADER, runRows);
    RunsCsv.writeAtomically(dir.resolve(TIMINGS), TIMING_HEADER, timingRows);
  }

  /** What a folder holds: its complete, readable runs (each once), and the lines dropped. */
  public record Restored(List<BudgetRun> runs, int dropped) {}

  public static Restored restore(Path dir) {
    Map<String, double[]> time = new HashMap<>();
    for (String[] c : RunsCsv.lines(dir.resolve(TIMINGS), TIMING_HEADER).rows()) {
      try {
        time.put(key(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3], c[4],
            Long.parseLong(c[5])), new double[] {Double.parseDouble(c[6]),
                Double.parseDouble(c[7])});
      } catch (RuntimeException e) {
        // a bad timing only loses a wall time
      }
    }
    RunsCsv.Lines read = RunsCsv.lines(dir.resolve(RUNS), RUN_HEADER);
    List<BudgetRun> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int dropped = read.dropped();
    for (String[] c : read.rows()) {
      try {
        String k = key(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3], c[4],
            Long.parseLong(c[5]));
        double[] t = time.getOrDefault(k, new double[2]);
        BudgetRun r = new BudgetRun(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]),
            BudgetMethod.parse(c[3]), c[4], Long.parseLong(c[5]), Long.parseLong(c[6]),
            Integer.parseInt(c[7]), RunsCsv.num(c[8]), RunsCsv.num(c[9]), numbers(c[10]),
            numbers(c[11]), t[0], t[1]);
        if (seen.add(k)) {
          out.add(r);
        } else {
          dropped++;
        }
      } catch (RuntimeException e) {
        dropped++;
      }
    }
    return new Restored(out, dropped);
  }

  public static String key(String function, int d, int budget, String method, String optimizer,
      long seed) {
    return String.join("\u0000", function, Integer.toString(d), Integer.toString(budget), method,
        optimizer, Long.toString(seed));
  }

  private static double[] numbers(String field) {
    String t = field.trim();
    if (t.isEmpty()) {
      return new double[0];
    }
    String[] parts = t.split(" ");
    double[] v = new double[parts.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Double.parseDouble(parts[i]);
    }
    return v;
  }

  private static String join(double[] v) {
    StringBuilder s = new StringBuilder();
    for (double d : v) {
      s.append(s.length() == 0 ? "" : " ").append(d);
    }
    return s.toString();
  }

  private static List<Object> runRow(BudgetRun r) {
    return List.of(r.function(), r.dimension(), r.budget(), r.method().label(), r.optimizer(),
        r.seed(), r.runSeed(), r.evaluations(), RunsCsv.fmt(r.regret()),
        RunsCsv.fmt(r.distance()), join(r.x()), join(r.trace()));
  }

  private static List<Object> timingRow(BudgetRun r) {
    return List.of(r.function(), r.dimension(), r.budget(), r.method().label(), r.optimizer(),
        r.seed(), RunsCsv.fmt(r.wallSeconds()), RunsCsv.fmt(r.truthSeconds()));
  }
}
