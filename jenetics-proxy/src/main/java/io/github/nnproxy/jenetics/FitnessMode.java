package io.github.nnproxy.jenetics;

import io.jenetics.Optimize;
import java.util.Arrays;

/** How a model value becomes a Jenetics fitness. Not API. */
enum FitnessMode {
  /** Fitness = the model value, minimized. */
  MINIMIZE(Optimize.MINIMUM) {
    @Override
    double fitness(double y) {
      return y;
    }
  },
  /** The seed study's pygad fitness {@code 1 / (|y| + 1e-6)}, maximized: drives the value to 0. */
  DRIVE_TO_ZERO(Optimize.MAXIMUM) {
    @Override
    double fitness(double y) {
      return 1.0 / (Math.abs(y) + 1e-6);
    }
  };

  private final Optimize optimize;

  FitnessMode(Optimize optimize) {
    this.optimize = optimize;
  }

  Optimize optimize() {
    return optimize;
  }

  abstract double fitness(double y);

  /** Checks a model value: NaN would silently break every comparison Jenetics makes. */
  static double checked(double y, double[] x) {
    if (Double.isNaN(y)) {
      throw new IllegalStateException(
          "the forward model returned NaN at x = "
              + Arrays.toString(x)
              + "; check the model (a proxy fed NaN weights, or a simulation that failed)");
    }
    return y;
  }
}
