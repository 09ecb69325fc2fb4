package io.github.nnproxy.cli;

import io.github.nnproxy.proxy.TrainingEpoch;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The training progress of {@code nnproxy train} when there is no terminal to draw a progress bar
 * on (output piped to {@code tee}, in a log file, in CI): one plain line at every tenth of the
 * epochs and at the first, with the validation R2 so far, the best epoch and the elapsed time.
 *
 * <pre>{@code
 * epoch 20/200: validation R2 0.9312 (best 0.9312 at epoch 20), 4.1 s
 * }</pre>
 *
 * <p>Called on the training thread only; not for sharing.
 */
final class EpochLines implements Consumer<TrainingEpoch> {
  private final PrintWriter out;
  private final int epochs;
  private final int every;
  private double bestR2 = Double.NEGATIVE_INFINITY;

  /**
   * Creates the listener.
   *
   * @param out where the lines go (standard error)
   * @param epochs the trainer's epochs, for the "of" and for the spacing
   */
  EpochLines(PrintWriter out, int epochs) {
    this.out = out;
    this.epochs = epochs;
    this.every = Math.max(1, epochs / 10);
  }

  @Override
  public void accept(TrainingEpoch e) {
    if (e.epoch() == e.bestEpoch()) {
      bestR2 = e.validationR2();
    }
    if (e.epoch() == 1 || e.epoch() % every == 0 || e.epoch() == epochs) {
      out.printf(Locale.ROOT, "epoch %d/%d: validation R2 %.4f (best %.4f at epoch %d), %.1f s%n",
          e.epoch(), epochs, e.validationR2(), bestR2, e.bestEpoch(),
          e.elapsed().toMillis() / 1000.0);
      out.flush();
    }
  }
}
