package io.github.nnproxy;

/**
 * Hears each evaluation of a batch as soon as it is known, before the batch ends: the {@link
 * io.github.nnproxy.store.EvaluationStore} writes every finished simulation to disk this way, so a
 * run killed in the middle of a long batch keeps what it has paid for.
 *
 * <p>A model calls it at most once per index, from any of its threads and in any order; an
 * implementation must be thread-safe and should return quickly. An exception it throws ends the
 * batch.
 *
 * <pre>{@code
 * EvaluationOutcome[] os = model.evaluateOutcomes(points,
 *     (i, o, took) -> log.info("point {} done in {}: {}", i, took, o));
 * }</pre>
 */
@FunctionalInterface
public interface OutcomeListener {

  /**
   * Receives the outcome of one point of the batch.
   *
   * @param index the point's index in the batch
   * @param outcome its outcome
   * @param elapsed how long its evaluation took (for a point evaluated with others in one process,
   *     that process's run time), or null when the model does not know
   */
  void finished(int index, EvaluationOutcome outcome, java.time.Duration elapsed);
}
