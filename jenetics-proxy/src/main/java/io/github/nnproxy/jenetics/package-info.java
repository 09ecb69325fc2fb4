/**
 * Jenetics adapter: neural-network proxies (or any {@link io.github.nnproxy.ForwardModel}) as
 * Jenetics fitness functions, codecs and batch evaluators, plus a ready-made genetic-algorithm
 * {@link io.github.nnproxy.optimize.Optimizer}.
 *
 * <p>Adding a proxy to existing engine code takes one line:
 *
 * <pre>{@code
 * Engine<DoubleGene, Double> engine =
 *     Engine.builder(ProxyFitness.of(proxy), ProxyCodecs.of(proxy.domain()))
 *         .minimizing()
 *         .build();
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.github.nnproxy.jenetics.ProxyCodecs}: one {@code DoubleChromosome} over a
 *       {@link io.github.nnproxy.Domain}, with per-coordinate bounds.
 *   <li>{@link io.github.nnproxy.jenetics.ProxyFitness}: a model as a one-point fitness function.
 *   <li>{@link io.github.nnproxy.jenetics.ProxyEvaluator}: a whole population in one batched
 *       {@code evaluateAll} call (one network pass), or spread over an executor.
 *   <li>{@link io.github.nnproxy.jenetics.JeneticsOptimizer}: reproducible GA runs, with the seed
 *       study's settings ({@code paper()}) and Jenetics' defaults ({@code defaults()}).
 *   <li>{@link io.github.nnproxy.jenetics.ProxyAudit}: proxy-versus-truth drift of the best
 *       individual, recorded while the evolution runs.
 *   <li>{@link io.github.nnproxy.jenetics.RandomShiftMutator}: pygad's additive "random" mutation.
 * </ul>
 *
 * <p>Works with Jenetics 7.2 on Java 17 and with Jenetics 8.x on Java 21+; no API removed in 8 is
 * used.
 */
package io.github.nnproxy.jenetics;
