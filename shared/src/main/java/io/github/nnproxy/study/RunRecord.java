package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.time.Duration;
import java.util.Arrays;

/**
 * One optimizer run of a study, on a proxy or on the true function, and how far it ended from the
 * true optimum: a row of {@code runs.csv}.
 *
 * <p>The metrics are always measured on the true function: {@code distance} to its known
 * minimizer, {@code trueValue} and {@code regret = trueValue - f*} at the point found. For proxy
 * runs, {@code proxyValue} is the proxy's prediction there and {@code proxyError =
 * |proxyValue - trueValue|}; for truth runs both are NaN (blank in files) and {@code scheme} is
 * empty, since a truth run belongs to no sampling scheme.
 *
 * <p>Immutable: the point is copied in and out.
 *
 * <pre>{@code
 * RunRecord r = ...;   // from StudyListener.onRunFinished
 * System.out.printf("%s on %s: %.4f from the optimum%n", r.optimizer(), r.objective().label(),
 *     r.distance());
 * }</pre>
 *
 * @param function the benchmark function's name
 * @param dimension the dimension
 * @param scheme the sampling scheme's label, empty for truth runs
 * @param optimizer the optimizer's label
 * @param seed the user's seed of this replicate
 * @param runSeed the seed actually passed to the optimizer, derived from {@code seed}, function,
 *     dimension and optimizer (the same for the truth run and every scheme's proxy run)
 * @param objective what was minimized
 * @param x the point found
 * @param distance the Euclidean distance from {@code x} to the true minimizer
 * @param trueValue the true function at {@code x}
 * @param regret {@code trueValue} minus the true minimum
 * @param optimizerValue the objective value the optimizer reported at {@code x}
 * @param proxyValue the proxy at {@code x}; NaN for truth runs
 * @param proxyError {@code |proxyValue - trueValue|}; NaN for truth runs
 * @param evaluations the objective evaluations the run made
 * @param inDomain whether {@code x} lies in the function's domain
 * @param wallTime the run's wall time (not deterministic; kept out of {@code runs.csv})
 */
public record RunRecord(
    String function,
    int dimension,
    String scheme,
    String optimizer,
    long seed,
    long runSeed,
    Objective objective,
    double[] x,
    double distance,
    double trueValue,
    double regret,
    double optimizerValue,
    double proxyValue,
    double proxyError,
    long evaluations,
    boolean inDomain,
    Duration wallTime) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if {@code x} does not have {@code dimension} coordinates
   */
  public RunRecord {
    nonNull(function, "function");
    nonNull(scheme, "scheme");
    nonNull(optimizer, "optimizer");
    nonNull(objective, "objective");
    nonNull(x, "x");
    nonNull(wallTime, "wallTime");
    if (x.length != dimension) {
      throw new IllegalArgumentException(
          "x must have length " + dimension + ", but had length " + x.length);
    }
    x = x.clone();
  }

  /**
   * Returns a copy of the point found.
   *
   * @return the point
   */
  @Override
  public double[] x() {
    return x.clone();
  }

  /**
   * Returns this record with another wall time.
   *
   * @param time the wall time
   * @return the new record
   */
  public RunRecord withWallTime(Duration time) {
    return new RunRecord(function, dimension, scheme, optimizer, seed, runSeed, objective, x,
        distance, trueValue, regret, optimizerValue, proxyValue, proxyError, evaluations, inDomain,
        time);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunRecord r
        && function.equals(r.function)
        && dimension == r.dimension
        && scheme.equals(r.scheme)
        && optimizer.equals(r.optimizer)
        && seed == r.seed
        && runSeed == r.runSeed
        && objective == r.objective
        && Arrays.equals(x, r.x)
        && Double.compare(distance, r.distance) == 0
        && Double.compare(trueValue, r.trueValue) == 0
        && Double.compare(regret, r.regret) == 0
        && Double.compare(optimizerValue, r.optimizerValue) == 0
        && Double.compare(proxyValue, r.proxyValue) == 0
        && Double.compare(proxyError, r.proxyError) == 0
        && evaluations == r.evaluations
        && inDomain == r.inDomain
        && wallTime.equals(r.wallTime);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new Object[] {function, dimension, scheme, optimizer, seed, objective,
        Arrays.hashCode(x), distance, evaluations});
  }

  @Override
  public String toString() {
    return "RunRecord[" + function + " " + dimension + "-D " + (scheme.isEmpty() ? "" : scheme + " ")
        + optimizer + " seed " + seed + " on " + objective.label() + ": x=" + Arrays.toString(x)
        + ", distance=" + distance + ", regret=" + regret + ", proxyError=" + proxyError + "]";
  }
}
