package io.github.nnproxy.proxy;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.time.Duration;

/**
 * How well a trained {@link Proxy} fits its forward model, measured in the model's own units on
 * the training points and on the held-out validation points.
 *
 * <p>R2 says how well the proxy fits on average; what a user of an optimizer needs is that the
 * proxy ranks points as the truth does, above all near the minimum. Two measures speak of that
 * and need no known optimum: {@link #validationSpearman()}, the rank correlation of predictions
 * and truth on the validation points, and {@link #lowDecileRmse()}, the error on the validation
 * points whose true values are in the lowest tenth. {@link #trustworthy()} is the warning line
 * the command line and the study draw.
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
 * @param validationSpearman Spearman's rank correlation between predicted and true values on the
 *     validation points (ties get their average rank; 1 ranks exactly as the truth; NaN when
 *     unknown, e.g. for files written before it was measured)
 * @param lowDecileRmse root-mean-square error on the validation points whose true values are
 *     among the lowest 10% (at least one point), in the model's units: how well the region where
 *     a minimizer ends up is fitted (NaN when unknown)
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
    SampleFailures failures,
    double validationSpearman,
    double lowDecileRmse) {

  /**
   * Below this validation R2 a proxy is too poor to trust: {@link #trustworthy()} says no. At R2
   * 0.5 the proxy's errors on held-out points still carry half of the function's variance (their
   * RMSE is about 0.7 of the values' standard deviation), so errors as large as the differences
   * between good and poor points are common, and the proxy's lowest point can lie anywhere the
   * function is merely below average. Above it the proxy has at least learned the function's
   * trend; that is necessary for an optimum worth checking, not sufficient.
   */
  public static final double MIN_TRUSTED_R2 = 0.5;

  /**
   * Creates a quality without the rank measures ({@link #validationSpearman()} and {@link
   * #lowDecileRmse()} are NaN): the components of nnproxy 0.1.
   *
   * @param trainRmse root-mean-square error on the training points
   * @param validationRmse root-mean-square error on the validation points
   * @param validationR2 coefficient of determination on the validation points
   * @param maxAbsValidationError the largest absolute error on a validation point
   * @param samplesUsed the number of points trained or validated on
   * @param samplesDropped the number of points dropped
   * @param epochsRun the number of training epochs run
   * @param bestEpoch the epoch whose weights the proxy keeps
   * @param trainingTime the wall time of the training
   * @param failures the dropped points by kind of failure
   */
  public ProxyQuality(double trainRmse, double validationRmse, double validationR2,
      double maxAbsValidationError, int samplesUsed, int samplesDropped, int epochsRun,
      int bestEpoch, Duration trainingTime, SampleFailures failures) {
    this(trainRmse, validationRmse, validationR2, maxAbsValidationError, samplesUsed,
        samplesDropped, epochsRun, bestEpoch, trainingTime, failures, Double.NaN, Double.NaN);
  }

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

  /**
   * Whether the proxy is good enough to be worth optimizing at all: validation R2 of at least
   * {@link #MIN_TRUSTED_R2}. A proxy below it explains less than half of the truth's variation,
   * and its minimum says little about the truth's. Passing is necessary, not sufficient: judge a
   * proxy by where its optimum lands (check candidates on the truth).
   *
   * @return false when the validation R2 is below {@link #MIN_TRUSTED_R2} or unknown
   */
  public boolean trustworthy() {
    return validationR2 >= MIN_TRUSTED_R2;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "validation R2 %.4f, Spearman %.4f, validation RMSE %.4g (lowest decile %.4g, train %.4g,"
            + " max abs %.4g), %d samples used, %d dropped (%s), %d epochs (best %d), %.1f s",
        validationR2, validationSpearman, validationRmse, lowDecileRmse, trainRmse,
        maxAbsValidationError, samplesUsed, samplesDropped, failures, epochsRun, bestEpoch,
        trainingTime.toMillis() / 1000.0);
  }
}
