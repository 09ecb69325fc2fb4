package io.github.nnproxy.proxy;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.time.Duration;

/**
 * How well a trained {@link Proxy} fits its forward model, measured in the model's own units on
 * the training points and on the held-out validation points.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * ProxyQuality q = proxy.quality();
 * if (q.validationR2() < 0.95) { ... sample more, or a bigger network ... }
 * }</pre>
 *
 * @param trainRmse root-mean-square error on the training points
 * @param validationRmse root-mean-square error on the validation points
 * @param validationR2 coefficient of determination on the validation points, {@code 1 - SSres /
 *     SStot} (1 is perfect; 0 is no better than the mean; NaN when the validation targets are all
 *     equal)
 * @param maxAbsValidationError the largest absolute error on a validation point
 * @param samplesUsed the number of points trained or validated on
 * @param samplesDropped the number of points dropped because the forward model failed there or
 *     returned NaN or an infinity ({@code failures().total()})
 * @param epochsRun the number of training epochs run (fewer than asked when early stopping ends
 *     training)
 * @param bestEpoch the epoch (1-based) whose weights the proxy keeps, the one with the lowest
 *     validation loss
 * @param trainingTime the wall time of the training, excluding the forward-model evaluations
 * @param failures the dropped points by kind of failure
 */
public record ProxyQuality(
    double trainRmse,
    double validationRmse,
    double validationR2,
    double maxAbsValidationError,
    int samplesUsed,
    int samplesDropped,
    int epochsRun,
    int bestEpoch,
    Duration trainingTime,
    SampleFailures failures) {

  /**
   * Validates.
   *
   * @throws NullPointerException if {@code trainingTime} or {@code failures} is null
   * @throws IllegalArgumentException if a count is negative, or {@code samplesDropped} differs
   *     from {@code failures.total()}
   */
  public ProxyQuality {
    nonNull(trainingTime, "trainingTime");
    nonNull(failures, "failures");
    if (samplesDropped != failures.total()) {
      throw new IllegalArgumentException("samplesDropped must equal failures.total(), but were "
          + samplesDropped + " and " + failures.total());
    }
    if (samplesUsed < 0 || samplesDropped < 0 || epochsRun < 0 || bestEpoch < 0) {
      throw new IllegalArgumentException("counts must be >= 0, but were samplesUsed=" + samplesUsed
          + ", samplesDropped=" + samplesDropped + ", epochsRun=" + epochsRun + ", bestEpoch="
          + bestEpoch);
    }
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "validation R2 %.4f, validation RMSE %.4g (train %.4g, max abs %.4g), %d samples used,"
            + " %d dropped (%s), %d epochs (best %d), %.1f s",
        validationR2, validationRmse, trainRmse, maxAbsValidationError, samplesUsed, samplesDropped,
        failures, epochsRun, bestEpoch, trainingTime.toMillis() / 1000.0);
  }
}
