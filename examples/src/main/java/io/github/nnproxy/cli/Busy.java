package io.github.nnproxy.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * An indefinite progress indicator with the elapsed time, for work that reports no progress of
 * its own (training one proxy); or nothing at all when switched off.
 *
 * <p>Not thread-safe; close it once the work is done.
 *
 * <pre>{@code
 * try (Busy busy = Busy.start(System.console() != null, "training", System.err)) {
 *   proxy = trainer.train(f, sampler, n, seed);
 * }
 * }</pre>
 */
public final class Busy implements AutoCloseable {
  private final ProgressBar bar;

  private Busy(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * Starts the indicator.
   *
   * @param show false for an indicator that draws nothing
   * @param task the task's name shown beside it
   * @param stream where to draw, usually {@code System.err}
   * @return the running indicator
   */
  public static Busy start(boolean show, String task, PrintStream stream) {
    if (!show) {
      return new Busy(null);
    }
    return new Busy(new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(-1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .setConsumer(new ConsoleProgressBarConsumer(stream))
        .build());
  }

  /** Stops the indicator and moves to a new line. */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
