package io.github.nnproxy.store;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.EvaluationOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of an {@link EvaluationStore}: a simulated point, its outcome, how long it took and
 * when it finished. The record copies the point on the way in and out, so it is immutable.
 *
 * @param point the point's coordinates
 * @param outcome its value, or the failure
 * @param elapsed how long the simulation took, or null when the model did not say
 * @param finishedAt when it was recorded
 */
public record StoredEvaluation(double[] point, EvaluationOutcome outcome, Duration elapsed,
    Instant finishedAt) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if the point, outcome or time is null
   */
  public StoredEvaluation {
    point = nonNull(point, "point").clone();
    nonNull(outcome, "outcome");
    nonNull(finishedAt, "finishedAt");
  }

  /**
   * Returns a copy of the point.
   *
   * @return the coordinates
   */
  @Override
  public double[] point() {
    return point.clone();
  }

  /**
   * Returns how long the simulation took, if known.
   *
   * @return the duration
   */
  public Optional<Duration> duration() {
    return Optional.ofNullable(elapsed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredEvaluation e && Arrays.equals(point, e.point)
        && outcome.equals(e.outcome) && Objects.equals(elapsed, e.elapsed)
        && finishedAt.equals(e.finishedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(point), outcome, elapsed, finishedAt);
  }

  @Override
  public String toString() {
    return "StoredEvaluation[" + Arrays.toString(point) + " -> " + outcome + "]";
  }
}
