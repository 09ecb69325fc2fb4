package io.github.nnproxy.cli;

import io.github.nnproxy.study.ProxyRecord;
import io.github.nnproxy.study.RunRecord;
import io.github.nnproxy.study.StudyListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Draws a study's progress as a terminal progress bar: one step per proxy trained and per
 * optimizer run, with the counts of each as its message.
 *
 * <p>The study serializes its listener calls, so this class needs no locking; {@link #close()}
 * must be called once the study is over. Not thread-safe otherwise.
 *
 * <pre>{@code
 * try (ProgressListener bar = new ProgressListener(System.err)) {
 *   StabilityStudy.builder()...listener(bar).build().run();
 * }
 * }</pre>
 */
public final class ProgressListener implements StudyListener, AutoCloseable {
  private final PrintStream stream;
  private ProgressBar bar;
  private int proxiesDone;
  private int proxiesTotal;
  private int runsDone;
  private int runsTotal;

  /**
   * Creates a listener that draws on a stream once the study starts.
   *
   * @param stream the stream, usually {@code System.err}
   */
  public ProgressListener(PrintStream stream) {
    this.stream = stream;
  }

  @Override
  public void onStart(int proxies, int runs) {
    proxiesTotal = proxies;
    runsTotal = runs;
    bar = new ProgressBarBuilder()
        .setTaskName("study")
        .setInitialMax((long) proxies + runs)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .setConsumer(new ConsoleProgressBarConsumer(stream))
        .build();
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
  }

  private void update() {
    if (bar != null) {
      bar.stepTo((long) proxiesDone + runsDone);
      bar.setExtraMessage(" proxies " + proxiesDone + "/" + proxiesTotal
          + ", runs " + runsDone + "/" + runsTotal);
    }
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
