package io.github.nnproxy.manage;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;

/**
 * An {@link Acquisition} of an ensemble as a forward model, optionally on a sub-box of the
 * ensemble's domain (the trust region), so that any {@code Optimizer} can minimize it. Not API;
 * immutable and thread-safe (the ensemble is).
 */
final class AcquisitionModel implements ForwardModel {
  /** The share of the mean that breaks ties where the expected improvement is 0. */
  private static final double TIE_BREAK = 1e-9;

  private final ProxyEnsemble model;
  private final Acquisition kind;
  private final double kappa;
  private final double incumbent;
  private final Domain box;

  AcquisitionModel(ProxyEnsemble model, Acquisition kind, double kappa, double incumbent,
      Domain box) {
    this.model = model;
    this.kind = model.size() == 1 ? Acquisition.MEAN : kind;
    this.kappa = kappa;
    this.incumbent = incumbent;
    this.box = box == null ? model.domain() : box;
  }

  /** The same acquisition on another box. */
  AcquisitionModel on(Domain other) {
    return new AcquisitionModel(model, kind, kappa, incumbent, other);
  }

  @Override
  public Domain domain() {
    return box;
  }

  @Override
  public double evaluate(double[] x) {
    return evaluateAll(new double[][] {x})[0];
  }

  @Override
  public double[] evaluateAll(double[][] xs) {
    double[][] m = model.moments(xs);
    double[] out = new double[xs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(m[0][i], m[1][i]);
    }
    return out;
  }

  double value(double mean, double spread) {
    return switch (kind) {
      case MEAN -> mean;
      case LOWER_CONFIDENCE_BOUND -> mean - kappa * spread;
      case EXPECTED_IMPROVEMENT -> -expectedImprovement(incumbent, mean, spread)
          + TIE_BREAK * mean;
    };
  }

  /** Expected improvement below {@code best} of a normal belief N(mean, spread^2). */
  static double expectedImprovement(double best, double mean, double spread) {
    double gain = best - mean;
    if (!(spread > 0)) {
      return Math.max(gain, 0);
    }
    double z = gain / spread;
    return gain * normalCdf(z) + spread * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }

  /** The standard normal CDF (Abramowitz and Stegun 7.1.26 on erf, error below 1.5e-7). */
  static double normalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
        + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }
}
