package io.github.nnproxy.manage;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.optimize.Optimum;
import java.util.List;

/**
 * The outcome of a {@link ManagedOptimization} run: every true evaluation made, the best true
 * point, what happened in each round, and the final proxy.
 *
 * <p>{@link #best()} is the point with the lowest TRUE value seen, initial sample included: the
 * answer a user can trust, unlike a proxy's optimum. Immutable (the final proxy is immutable too).
 *
 * <pre>{@code
 * ManagedResult r = managed.run(simulation, optimizer);
 * Optimum best = r.best();                    // true value, true evaluations used
 * ProxyEnsemble proxy = r.finalProxy();       // trained on every true evaluation
 * }</pre>
 *
 * @param best the best true point; its {@code evaluations} are {@link #trueEvaluations()}
 * @param evaluations every true evaluation, in the order made
 * @param rounds one record per round, in order
 * @param stopReason why the run ended
 * @param finalProxy the proxy (an ensemble of {@code ensembleSize} members) refit on every true
 *     evaluation at the end
 * @param seed the seed of the run
 */
public record ManagedResult(Optimum best, List<TrueEvaluation> evaluations,
    List<ManagedRound> rounds, StopReason stopReason, ProxyEnsemble finalProxy, long seed) {

  /**
   * Validates and copies the lists.
   *
   * @throws NullPointerException if an argument is null
   */
  public ManagedResult {
    nonNull(best, "best");
    evaluations = List.copyOf(nonNull(evaluations, "evaluations"));
    rounds = List.copyOf(nonNull(rounds, "rounds"));
    nonNull(stopReason, "stopReason");
    nonNull(finalProxy, "finalProxy");
  }

  /**
   * Returns the number of true evaluations made, the initial sample included.
   *
   * @return the count, at most the budget
   */
  public int trueEvaluations() {
    return evaluations.size();
  }

  /**
   * Returns the number of true evaluations made for a reason.
   *
   * @param reason the reason
   * @return the count
   */
  public int trueEvaluations(EvaluationReason reason) {
    nonNull(reason, "reason");
    int c = 0;
    for (TrueEvaluation e : evaluations) {
      if (e.reason() == reason) {
        c++;
      }
    }
    return c;
  }

  /**
   * Returns the number of rounds in which the quality gate tripped.
   *
   * @return the count
   */
  public int gateTrips() {
    int c = 0;
    for (ManagedRound r : rounds) {
      if (r.gate().tripped()) {
        c++;
      }
    }
    return c;
  }
}
