/**
 * Model management: catching and removing proxy drift while optimizing on a proxy.
 *
 * <p>An offline proxy can lead an optimizer to a false minimum, and a low spread across runs hides
 * it. The types here spend a small budget of true evaluations where the proxy looks best, learn
 * from them and stop trusting the proxy where it is wrong:
 *
 * <ul>
 *   <li>{@link io.github.nnproxy.manage.ProxyEnsemble}: k proxies behind one forward model, with
 *       a mean and a spread (disagreement) per point;
 *   <li>{@link io.github.nnproxy.manage.ManagedOptimization}: the loop optimize on the proxy,
 *       evaluate the best candidates with the truth, refit, repeat, with its result {@link
 *       io.github.nnproxy.manage.ManagedResult};
 *   <li>{@link io.github.nnproxy.manage.QualityGate}: a rank-correlation check of proxy against
 *       truth on the latest true evaluations;
 *   <li>{@link io.github.nnproxy.manage.MixedEvaluator}: evaluates a share of a batch with the
 *       truth and the rest with the proxy, for the Jenetics and jMetal evaluator hooks
 *       ({@code MixedProxyEvaluator}, {@code MixedSolutionListEvaluator}), which log their points
 *       as {@link io.github.nnproxy.manage.TaggedPoint}s.
 * </ul>
 *
 * <p>Everything is deterministic for a given seed, whatever the number of threads.
 */
package io.github.nnproxy.manage;
