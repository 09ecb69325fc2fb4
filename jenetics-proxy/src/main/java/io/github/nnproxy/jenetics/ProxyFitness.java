package io.github.nnproxy.jenetics;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.ForwardModel;
import java.util.function.Function;

/**
 * Fitness functions for {@code Engine.builder(fitness, codec)} backed by a {@link ForwardModel}:
 * a trained proxy, a benchmark function or the expensive truth.
 *
 * <p>The one-point fitness is what an existing Jenetics user already has; swapping the truth for
 * a proxy changes only the model passed here. Jenetics then evaluates the fitness concurrently on
 * its default executor, which is safe because nnproxy's proxies are thread-safe. To score a whole
 * population with one batched network pass instead, use {@link ProxyEvaluator}; it gives exactly
 * the same fitness values.
 *
 * <p>Thread safety: the returned functions hold no mutable state and are as thread-safe as the
 * model.
 *
 * <pre>{@code
 * Engine<DoubleGene, Double> engine =
 *     Engine.builder(ProxyFitness.of(proxy), ProxyCodecs.of(proxy.domain()))
 *         .minimizing()
 *         .build();
 * }</pre>
 */
public final class ProxyFitness {
  private ProxyFitness() {}

  /**
   * Returns the model's value as the fitness, to be <em>minimized</em> ({@code
   * Engine.Builder.minimizing()}; Jenetics maximizes by default).
   *
   * @param model the model to evaluate
   * @return {@code x -> model.evaluate(x)}; it throws {@link IllegalStateException} if the model
   *     returns NaN, and {@link IllegalArgumentException} for a point of the wrong length
   * @throws NullPointerException if {@code model} is null
   */
  public static Function<double[], Double> of(ForwardModel model) {
    return of(model, FitnessMode.MINIMIZE);
  }

  /**
   * Returns the seed study's pygad fitness {@code 1 / (|model(x)| + 1e-6)}, to be
   * <em>maximized</em>: it drives the model's output towards 0 rather than minimizing it, which
   * is the same thing only for a model whose minimum value is 0.
   *
   * @param model the model to evaluate
   * @return {@code x -> 1 / (|model.evaluate(x)| + 1e-6)}; it throws {@link
   *     IllegalStateException} if the model returns NaN
   * @throws NullPointerException if {@code model} is null
   */
  public static Function<double[], Double> driveToZero(ForwardModel model) {
    return of(model, FitnessMode.DRIVE_TO_ZERO);
  }

  static Function<double[], Double> of(ForwardModel model, FitnessMode mode) {
    nonNull(model, "model");
    return x -> mode.fitness(FitnessMode.checked(model.evaluate(x), x));
  }
}
