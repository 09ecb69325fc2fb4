package io.github.nnproxy.jenetics;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.manage.MixedEvaluator;
import io.github.nnproxy.manage.Source;
import io.github.nnproxy.manage.TaggedPoint;
import io.github.nnproxy.manage.TaggedValues;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Jenetics {@link Evaluator} that scores a share of each generation with the expensive truth
 * and the rest with a proxy, and logs every value with its {@link Source}: a GA that keeps
 * checking its proxy, and collects true values to retrain it on.
 *
 * <p>Each call scores the population's unevaluated phenotypes, and only those, through a {@link
 * MixedEvaluator}: the truth gets {@code floor(share * n)} or one more of them (chosen by a
 * generator seeded from {@code (seed, batch)}), each model is called once with {@link
 * ForwardModel#evaluateAll}, and the population comes back in the same order and size, evaluated
 * phenotypes unchanged. The fitness is the model's value, for a {@code minimizing()} engine; a NaN
 * is refused with an {@link IllegalStateException}. Batches are numbered from 0 by this
 * evaluator, so a reproducible run needs a fresh evaluator, a seeded {@code RandomRegistry} and a
 * serial engine executor. Engines mix values of two models in one ranking, so a proxy that
 * promises too much wins selection; use small shares for monitoring and retraining, and judge
 * results by {@link #truthLog()}.
 *
 * <p>Thread safety: the log is guarded; several threads may read it while the engine runs. One
 * evaluator serves one engine run at a time (its batch counter is that run's generation count).
 * The log keeps every scored point: about {@code 40 + 8 d} bytes each.
 *
 * <pre>{@code
 * Codec<double[], DoubleGene> codec = ProxyCodecs.of(truth.domain());
 * MixedProxyEvaluator mixed = MixedProxyEvaluator.of(truth, proxy, codec, 0.1, 42L);
 * Engine<DoubleGene, Double> engine = new Engine.Builder<>(mixed, codec.encoding())
 *     .minimizing().executor(Runnable::run).build();
 * RandomRegistry.with(RandomGeneratorFactory.of("L64X256MixRandom").create(42),
 *     r -> engine.stream().limit(100).collect(EvolutionResult.toBestPhenotype()));
 * List<TaggedPoint> truths = mixed.truthLog();     // retrain the proxy on these
 * }</pre>
 */
public final class MixedProxyEvaluator implements Evaluator<DoubleGene, Double> {
  private final MixedEvaluator mixed;
  private final Function<? super Genotype<DoubleGene>, double[]> decoder;
  private final List<TaggedPoint> log = new ArrayList<>();
  private long batches;
  private long truthCount;
  private long proxyCount;

  private MixedProxyEvaluator(MixedEvaluator mixed, Codec<double[], DoubleGene> codec) {
    this.mixed = mixed;
    this.decoder = codec.decoder();
  }

  /**
   * Creates a mixed evaluator.
   *
   * @param truth the expensive forward model
   * @param proxy the model that stands in for it
   * @param codec the codec whose decoder turns a genotype into a point of the truth's domain
   * @param share the share of each generation's new phenotypes scored by the truth, in [0, 1]
   * @param seed the seed of the choice of phenotypes
   * @return a new evaluator with an empty log
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code share} is outside [0, 1] or NaN, or the models'
   *     dimensions differ
   */
  public static MixedProxyEvaluator of(ForwardModel truth, ForwardModel proxy,
      Codec<double[], DoubleGene> codec, double share, long seed) {
    nonNull(codec, "codec");
    return new MixedProxyEvaluator(MixedEvaluator.of(truth, proxy, share, seed), codec);
  }

  /**
   * Scores the unevaluated phenotypes: a share with the truth, the rest with the proxy.
   *
   * @param population the population
   * @return the population, same order and size, every phenotype evaluated
   * @throws NullPointerException if {@code population} is null
   * @throws IllegalStateException if a model returns NaN or a wrong number of values
   */
  @Override
  public ISeq<Phenotype<DoubleGene, Double>> eval(Seq<Phenotype<DoubleGene, Double>> population) {
    nonNull(population, "population");
    Unevaluated todo = Unevaluated.of(population, decoder);
    int n = todo.size();
    if (n == 0) {
      return population.asISeq();
    }
    double[][] xs = todo.points();
    long batch;
    synchronized (log) {
      batch = batches++;
    }
    TaggedValues v = mixed.evaluate(xs, batch);
    double[] fitness = new double[n];
    List<TaggedPoint> entries = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      fitness[k] = FitnessMode.checked(v.value(k), xs[k]);
      entries.add(new TaggedPoint(batch, xs[k], fitness[k], v.source(k)));
    }
    synchronized (log) {
      log.addAll(entries);
      int t = v.count(Source.TRUTH);
      truthCount += t;
      proxyCount += n - t;
    }
    return todo.withFitness(fitness);
  }

  /**
   * Returns every point scored so far, in order, with its value and source.
   *
   * @return an unmodifiable snapshot
   */
  public List<TaggedPoint> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /**
   * Returns the points scored by the truth so far, in order: data to trust and to retrain on.
   *
   * @return an unmodifiable snapshot
   */
  public List<TaggedPoint> truthLog() {
    List<TaggedPoint> t = new ArrayList<>();
    synchronized (log) {
      for (TaggedPoint p : log) {
        if (p.source() == Source.TRUTH) {
          t.add(p);
        }
      }
    }
    return List.copyOf(t);
  }

  /**
   * Returns the number of points scored by the truth so far.
   *
   * @return the count
   */
  public long truthEvaluations() {
    synchronized (log) {
      return truthCount;
    }
  }

  /**
   * Returns the number of points scored by the proxy so far.
   *
   * @return the count
   */
  public long proxyEvaluations() {
    synchronized (log) {
      return proxyCount;
    }
  }

  /**
   * Returns the number of batches (generations with new phenotypes) scored so far.
   *
   * @return the count
   */
  public long batches() {
    synchronized (log) {
      return batches;
    }
  }

  /**
   * Returns the share of each batch scored by the truth.
   *
   * @return the share, in [0, 1]
   */
  public double share() {
    return mixed.share();
  }

  @Override
  public String toString() {
    return "MixedProxyEvaluator[" + mixed + "]";
  }
}
