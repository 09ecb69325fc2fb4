package io.github.nnproxy.cli;

import io.github.nnproxy.benchmark.Benchmarks;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Range checks of option values that report the option the user typed ("--dimensions must be at
 * least 1, got 0") rather than the library's argument name ("d must be >= 1"). The commands run
 * them before they build anything, so the library's own checks, which stay as the last line of
 * defence, are not what a user of the command line sees. Stateless and thread-safe.
 *
 * <pre>{@code
 * OptionChecks.atLeast(spec.commandLine(), "--threads", threads, 1);
 * OptionChecks.dimension(spec.commandLine(), "--dimension", "rosenbrock", 1);  // needs 2
 * }</pre>
 */
final class OptionChecks {
  private OptionChecks() {}

  /**
   * Checks that an option's value is at least a minimum.
   *
   * @param cmd the command line
   * @param option the option, e.g. {@code --threads}
   * @param value its value
   * @param min the least allowed value
   * @throws ParameterException if {@code value < min}
   */
  static void atLeast(CommandLine cmd, String option, long value, long min) {
    if (value < min) {
      throw new ParameterException(cmd, option + " must be at least " + min + ", got " + value);
    }
  }

  /**
   * Checks that an option's value lies strictly between two bounds.
   *
   * @param cmd the command line
   * @param option the option, e.g. {@code --initial-share}
   * @param value its value
   * @param lo the lower bound, excluded
   * @param hi the upper bound, excluded
   * @throws ParameterException if the value is not in {@code (lo, hi)}, or is NaN
   */
  static void between(CommandLine cmd, String option, double value, double lo, double hi) {
    if (!(value > lo && value < hi)) {
      throw new ParameterException(cmd, option + " must be between " + fmt(lo) + " and "
          + fmt(hi) + " (both excluded), got " + value);
    }
  }

  /**
   * Checks that a benchmark function is defined in a dimension.
   *
   * @param cmd the command line
   * @param option the option that gave the dimension, e.g. {@code --dimension}
   * @param function the function's name, as {@link Benchmarks#byName} knows it
   * @param d the dimension
   * @throws ParameterException if {@code d < 1}, or the function needs more dimensions
   */
  static void dimension(CommandLine cmd, String option, String function, int d) {
    atLeast(cmd, option, d, 1);
    int min = minDimension(function);
    if (d < min) {
      throw new ParameterException(cmd, option + " must be at least " + min + " for "
          + function + ", got " + d);
    }
  }

  /** The least dimension a benchmark function is defined in (1 for an unknown name). */
  static int minDimension(String function) {
    for (int d = 1; d <= 3; d++) {
      try {
        Benchmarks.byName(function, d);
        return d;
      } catch (IllegalArgumentException e) {
        // defined from a higher dimension on, or not a function at all
      }
    }
    return 1;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
