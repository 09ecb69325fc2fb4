package io.github.nnproxy.jenetics;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.ForwardModel;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.Seq;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A Jenetics {@link Evaluator} that scores a population with a {@link ForwardModel}: by default
 * all unevaluated individuals of a generation in <em>one</em> {@link
 * ForwardModel#evaluateAll(double[][])} call, which a proxy answers with one batched network pass.
 *
 * <p>Contract: only the phenotypes that are not yet evaluated are decoded and evaluated; the
 * population comes back with the same size and order, evaluated phenotypes unchanged. The fitness
 * of each individual is exactly the value {@link ProxyFitness#of(ForwardModel)} gives it one by
 * one, and a run with this evaluator equals, generation for generation, a run with an
 * order-keeping one-by-one evaluator of that fitness. (Jenetics' built-in evaluator, used by
 * {@code Engine.builder(fitness, codec)}, returns the already-evaluated individuals first; that
 * reordering alone makes its runs take another path from the same seed, with the same fitness
 * function.) A NaN from the model is refused with an {@link IllegalStateException}.
 *
 * <p>For an expensive truth, {@link #of(ForwardModel, Codec, Executor)} spreads the points of a
 * generation over an executor, one {@code evaluate} call per point, and places each result by its
 * index, so the results do not depend on the number of threads. Keep the engine's own executor
 * serial ({@code Runnable::run}) for reproducible runs; parallelism belongs here.
 *
 * <p>Jenetics 7.2 has no {@code Engine.Builder.evaluator(...)} setter; the evaluator is plugged
 * in through the public builder constructor, which also exists in Jenetics 8.
 *
 * <p>Thread safety: immutable apart from atomic counters; one evaluator may serve several engines
 * at once if the model is thread-safe (nnproxy's proxies are).
 *
 * <pre>{@code
 * Codec<double[], DoubleGene> codec = ProxyCodecs.of(proxy.domain());
 * ProxyEvaluator evaluator = ProxyEvaluator.of(proxy, codec);
 * Engine<DoubleGene, Double> engine = new Engine.Builder<>(evaluator, codec.encoding())
 *     .minimizing()
 *     .build();
 * Genotype<DoubleGene> best = engine.stream().limit(100).collect(EvolutionResult.toBestGenotype());
 * System.out.println(evaluator.evaluations() + " points in " + evaluator.batches() + " batches");
 * }</pre>
 */
public final class ProxyEvaluator implements Evaluator<DoubleGene, Double> {

  /** Receives every evaluated batch, in population order, on the engine's thread. */
  interface Observer {
    void evaluated(double[][] xs, double[] ys, double[] fitness);
  }

  private final ForwardModel model;
  private final Function<? super Genotype<DoubleGene>, double[]> decoder;
  private final Executor executor; // null: one evaluateAll call per generation
  private final FitnessMode mode;
  private final Observer observer; // null: none
  private final LongAdder evaluations = new LongAdder();
  private final LongAdder batches = new LongAdder();

  ProxyEvaluator(
      ForwardModel model,
      Codec<double[], DoubleGene> codec,
      Executor executor,
      FitnessMode mode,
      Observer observer) {
    this.model = nonNull(model, "model");
    this.decoder = nonNull(codec, "codec").decoder();
    this.executor = executor;
    this.mode = nonNull(mode, "mode");
    this.observer = observer;
  }

  /**
   * Returns an evaluator that scores each generation's unevaluated individuals with one {@link
   * ForwardModel#evaluateAll(double[][])} call on the engine's thread; the fitness is the model
   * value, for an engine that is {@code minimizing()}.
   *
   * @param model the model, usually a proxy
   * @param codec the codec whose decoder turns a genotype into a point of the model's domain
   * @return the evaluator
   * @throws NullPointerException if an argument is null
   */
  public static ProxyEvaluator of(ForwardModel model, Codec<double[], DoubleGene> codec) {
    return new ProxyEvaluator(model, codec, null, FitnessMode.MINIMIZE, null);
  }

  /**
   * Returns an evaluator that spreads each generation's unevaluated individuals over an executor,
   * one {@link ForwardModel#evaluate(double[])} call per point, for an expensive model that is
   * safe to call from several threads. Results are placed by index, so they are the same for any
   * executor, {@code Runnable::run} included.
   *
   * @param model the model, usually the expensive truth
   * @param codec the codec whose decoder turns a genotype into a point of the model's domain
   * @param executor the executor that runs the model calls, e.g. {@code
   *     ForkJoinPool.commonPool()}; the caller owns it
   * @return the evaluator
   * @throws NullPointerException if an argument is null
   */
  public static ProxyEvaluator of(
      ForwardModel model, Codec<double[], DoubleGene> codec, Executor executor) {
    return new ProxyEvaluator(
        model, codec, nonNull(executor, "executor"), FitnessMode.MINIMIZE, null);
  }

  @Override
  public ISeq<Phenotype<DoubleGene, Double>> eval(Seq<Phenotype<DoubleGene, Double>> population) {
    nonNull(population, "population");
    Unevaluated todo = Unevaluated.of(population, decoder);
    int n = todo.size();
    if (n == 0) {
      return population.asISeq();
    }
    double[][] xs = todo.points();
    double[] ys = executor == null ? batch(xs) : spread(xs);
    if (ys.length != n) {
      throw new IllegalStateException(
          "model.evaluateAll returned "
              + ys.length
              + " values for "
              + n
              + " points; check the model's evaluateAll implementation");
    }
    evaluations.add(n);
    batches.increment();
    double[] fitness = new double[n];
    for (int k = 0; k < n; k++) {
      fitness[k] = mode.fitness(FitnessMode.checked(ys[k], xs[k]));
    }
    ISeq<Phenotype<DoubleGene, Double>> result = todo.withFitness(fitness);
    if (observer != null) {
      observer.evaluated(xs, ys, fitness);
    }
    return result;
  }

  private double[] batch(double[][] xs) {
    double[] ys = model.evaluateAll(xs);
    if (ys == null) {
      throw new IllegalStateException("model.evaluateAll returned null; check the model");
    }
    return ys;
  }

  private double[] spread(double[][] xs) {
    double[] ys = new double[xs.length];
    CompletableFuture<?>[] tasks = new CompletableFuture<?>[xs.length];
    for (int k = 0; k < xs.length; k++) {
      int i = k;
      tasks[k] = CompletableFuture.runAsync(() -> ys[i] = model.evaluate(xs[i]), executor);
    }
    try {
      CompletableFuture.allOf(tasks).join(); // join() publishes every ys[i] to this thread
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
    return ys;
  }

  /**
   * Returns the number of points this evaluator has passed to the model so far.
   *
   * @return the evaluation count
   */
  public long evaluations() {
    return evaluations.sum();
  }

  /**
   * Returns the number of populations that needed at least one evaluation so far; without an
   * executor, each was one {@code evaluateAll} call.
   *
   * @return the batch count
   */
  public long batches() {
    return batches.sum();
  }

  /**
   * Returns the model this evaluator scores with.
   *
   * @return the model
   */
  public ForwardModel model() {
    return model;
  }

  @Override
  public String toString() {
    return "ProxyEvaluator["
        + model
        + (executor == null ? ", batched" : ", executor=" + executor)
        + (mode == FitnessMode.MINIMIZE ? "" : ", " + mode)
        + "]";
  }
}
