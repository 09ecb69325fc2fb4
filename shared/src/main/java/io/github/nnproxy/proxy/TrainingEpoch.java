package io.github.nnproxy.proxy;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.time.Duration;

/**
 * The state of a training run at the end of one epoch, as reported to the listener of {@link
 * ProxyTrainer.Builder#progress(java.util.function.Consumer)}: for progress bars, learning curves
 * and time-to-accuracy measurements.
 *
 * <pre>{@code
 * ProxyTrainer t = ProxyTrainer.defaults().toBuilder()
 *     .progress(e -> System.out.printf("epoch %d: R2 %.4f after %s%n",
 *         e.epoch(), e.validationR2(), e.elapsed()))
 *     .build();
 * }</pre>
 *
 * @param epoch the epoch that just ended, 1-based
 * @param validationRmse the root-mean-square error on the validation points, in the model's units
 * @param validationR2 the coefficient of determination on the validation points
 * @param bestEpoch the epoch with the lowest validation loss so far (its weights are kept)
 * @param elapsed the wall time since training started, excluding the forward-model evaluations
 */
public record TrainingEpoch(int epoch, double validationRmse, double validationR2, int bestEpoch,
    Duration elapsed) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if an epoch is not positive or the best epoch is after the
   *     current one
   * @throws NullPointerException if {@code elapsed} is null
   */
  public TrainingEpoch {
    nonNull(elapsed, "elapsed");
    if (epoch < 1 || bestEpoch < 0 || bestEpoch > epoch) {
      throw new IllegalArgumentException("epoch must be >= 1 and bestEpoch in [0, epoch], but were "
          + epoch + " and " + bestEpoch);
    }
  }
}
