package io.github.nnproxy.cli;

import io.github.nnproxy.study.ProxyRecord;
import io.github.nnproxy.study.RunRecord;
import io.github.nnproxy.study.StudyListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a study's progress: on a terminal as a progress bar (one step per proxy trained and per
 * optimizer run, with the counts of each as its message); without one (under {@code nohup}, in a
 * pipe to {@code tee}, in a log file) as one plain line per finished cell, with no escape codes:
 * {@code ackley 2-D dense-uniform: 10/10 runs (40/120 in all), 12 s}; or not at all. In every
 * mode it counts the runs on disk, for the notice printed when the study is interrupted.
 *
 * <p>A cell is a function, dimension and sampling scheme (its proxy's runs), or a function and
 * dimension on the truth; each holds one run per optimizer and seed. A resumed study says once
 * how many runs it found, and then prints the cells it finishes.
 *
 * <p>The study serializes its listener calls, so the listener needs no locking; {@link
 * #runsSaved()} may be read from any thread. {@link #close()} must be called once the study is
 * over.
 *
 * <pre>{@code
 * try (ProgressListener p = ProgressListener.lines(err, 10)) {
 *   StabilityStudy.builder()...listener(p).build().run();
 * }
 * }</pre>
 */
public final class ProgressListener implements StudyListener, AutoCloseable {
  private final PrintStream barStream;
  private final PrintWriter lineWriter;
  private final int runsPerCell;
  private final Map<String, Integer> cellRuns = new HashMap<>();
  private final long started = System.nanoTime();
  private ProgressBar bar;
  private int proxiesDone;
  private int proxiesTotal;
  private volatile int runsDone;
  private volatile int runsTotal;

  private ProgressListener(PrintStream barStream, PrintWriter lineWriter, int runsPerCell) {
    this.barStream = barStream;
    this.lineWriter = lineWriter;
    this.runsPerCell = runsPerCell;
  }

  /**
   * Creates a listener that draws a progress bar on a terminal's stream once the study starts.
   *
   * @param stream the stream, usually {@code System.err}
   * @return the listener
   */
  public static ProgressListener bar(PrintStream stream) {
    return new ProgressListener(stream, null, 0);
  }

  /**
   * Creates a listener that prints one plain line per finished cell.
   *
   * @param out where to print, usually standard error
   * @param runsPerCell the runs of one cell: optimizers times seeds
   * @return the listener
   */
  public static ProgressListener lines(PrintWriter out, int runsPerCell) {
    return new ProgressListener(null, out, runsPerCell);
  }

  /**
   * Creates a listener that shows nothing and only counts.
   *
   * @return the listener
   */
  public static ProgressListener silent() {
    return new ProgressListener(null, null, 0);
  }

  /**
   * Returns the runs finished and on disk so far, those a resumed study found included.
   *
   * @return the count
   */
  public int runsSaved() {
    return runsDone;
  }

  /**
   * Returns the runs the study makes in all, or 0 before it starts.
   *
   * @return the count
   */
  public int runsTotal() {
    return runsTotal;
  }

  @Override
  public void onStart(int proxies, int runs) {
    proxiesTotal = proxies;
    runsTotal = runs;
    if (barStream != null) {
      bar = new ProgressBarBuilder()
          .setTaskName("study")
          .setInitialMax((long) proxies + runs)
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(500)
          .setConsumer(new ConsoleProgressBarConsumer(barStream))
          .build();
    }
    update();
  }

  @Override
  public void onResumed(int proxies, int runs) {
    proxiesDone = proxies;
    runsDone = runs;
    if (lineWriter != null) {
      lineWriter.println("resuming: " + Counts.of(runs, "run", "runs") + " of " + runsTotal
          + " and " + Counts.of(proxies, "proxy", "proxies") + " of " + proxiesTotal
          + " found in the output folder");
      lineWriter.flush();
    }
    update();
  }

  @Override
  public void onProxyTrained(ProxyRecord proxy, int done, int total) {
    proxiesDone = done;
    update();
  }

  @Override
  public void onRunFinished(RunRecord run, int done, int total) {
    runsDone = done;
    update();
    if (lineWriter != null) {
      String cell = run.function() + " " + run.dimension() + "-D "
          + (run.scheme().isEmpty() ? "truth" : run.scheme());
      int n = cellRuns.merge(cell, 1, Integer::sum);
      if (n == runsPerCell) {
        lineWriter.printf(Locale.ROOT, "%s: %d/%d %s (%d/%d in all), %s%n", cell, n,
            runsPerCell, runsPerCell == 1 ? "run" : "runs", done, total,
            elapsed(Duration.ofNanos(System.nanoTime() - started)));
        lineWriter.flush();
      }
    }
  }

  private void update() {
    if (bar != null) {
      bar.stepTo((long) proxiesDone + runsDone);
      bar.setExtraMessage(" proxies " + proxiesDone + "/" + proxiesTotal
          + ", runs " + runsDone + "/" + runsTotal);
    }
  }

  /**
   * Formats a duration as the command line prints it: {@code 12 s}, {@code 3 min 05 s}.
   *
   * @param d the duration
   * @return the text
   */
  static String elapsed(Duration d) {
    long s = Math.round(d.toMillis() / 1000.0);
    return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
  }

  /** Finishes the bar and moves to a new line. */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
