/**
 * jMetal 6.6 adapter: nnproxy forward models and proxies as jMetal problems, batched evaluators,
 * and jMetal's particle swarm optimizers behind nnproxy's {@link io.github.nnproxy.optimize.Optimizer}.
 *
 * <p>A jMetal user keeps their algorithm code and swaps the problem:
 *
 * <pre>{@code
 * DoubleProblem problem = new MyProblem();                                  // before
 * Proxy proxy = ProxyTrainer.defaults().train(ProblemModels.of(problem), Samplers.uniform(), 10_000, 42L);
 * DoubleProblem fast = ProxyProblem.of(problem, proxy);                     // after
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.github.nnproxy.jmetal.ProblemModels}: a jMetal problem as a forward model, to
 *       train a proxy from it.
 *   <li>{@link io.github.nnproxy.jmetal.ProxyProblem}: a forward model (truth or proxy) as a
 *       jMetal {@code DoubleProblem}, counting its evaluations.
 *   <li>{@link io.github.nnproxy.jmetal.BatchSolutionListEvaluator} and {@link
 *       io.github.nnproxy.jmetal.BatchEvaluation}: one batched model call per swarm.
 *   <li>{@link io.github.nnproxy.jmetal.JmetalPsoOptimizer}: the seed study's global-best PSO and
 *       jMetal's SPSO2007/2011, reproducible per seed and safe on several threads.
 * </ul>
 *
 * <p>jMetal minimizes every objective, as nnproxy does.
 */
package io.github.nnproxy.jmetal;
