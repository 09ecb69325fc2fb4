package io.github.nnproxy.jenetics;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.Requires;
import io.jenetics.DoubleGene;
import io.jenetics.engine.Codec;
import io.jenetics.engine.EvolutionResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An {@link EvolutionResult} listener that shows proxy drift while the evolution runs: every
 * {@code k} generations it re-evaluates the generation's best individual with the proxy and with
 * the true model, and records both values and their difference.
 *
 * <p>A GA on a proxy reports how good its best point looks <em>to the proxy</em>; the audit shows
 * how good it really is. A growing difference means the population has moved where the proxy is
 * wrong (typically a false minimum of the network), and is the signal to stop trusting it, sample
 * more truth near the best points, or retrain. Each audit costs one proxy and one truth
 * evaluation; choose {@code every} so the truth calls stay affordable.
 *
 * <p>Thread safety: thread-safe. Entries are appended under a lock, and {@link #entries()}
 * returns an immutable snapshot; one audit may watch several streams, whose entries then
 * interleave.
 *
 * <pre>{@code
 * ProxyAudit audit = ProxyAudit.of(proxy, truth, codec, 10);   // every 10th generation
 * Phenotype<DoubleGene, Double> best = engine.stream()
 *     .limit(100)
 *     .peek(audit)
 *     .collect(EvolutionResult.toBestPhenotype());
 * audit.entries().forEach(e ->
 *     System.out.printf("gen %d: proxy %.4f, truth %.4f, |diff| %.4f%n",
 *         e.generation(), e.proxyValue(), e.trueValue(), e.difference()));
 * }</pre>
 */
public final class ProxyAudit implements Consumer<EvolutionResult<DoubleGene, Double>> {

  /**
   * One audit of a generation's best individual.
   *
   * <p>Immutable: the point is copied in and out.
   *
   * <pre>{@code
   * ProxyAudit.Entry e = audit.entries().get(0);
   * double drift = e.difference();   // |proxyValue - trueValue|
   * }</pre>
   *
   * @param generation the Jenetics generation number (starting at 1)
   * @param x the best individual's point, decoded by the codec
   * @param proxyValue the proxy's value at {@code x}
   * @param trueValue the true model's value at {@code x}
   */
  public record Entry(long generation, double[] x, double proxyValue, double trueValue) {

    /**
     * Validates and copies.
     *
     * @param generation the Jenetics generation number
     * @param x the audited point
     * @param proxyValue the proxy's value at {@code x}
     * @param trueValue the true model's value at {@code x}
     * @throws NullPointerException if {@code x} is null
     * @throws IllegalArgumentException if {@code generation < 0}
     */
    public Entry {
      nonNull(x, "x");
      Requires.nonNegative(generation, "generation");
      x = x.clone();
    }

    /**
     * Returns a copy of the audited point.
     *
     * @return the point
     */
    @Override
    public double[] x() {
      return x.clone();
    }

    /**
     * Returns the absolute difference between the proxy and the truth at the point.
     *
     * @return {@code |proxyValue - trueValue|}
     */
    public double difference() {
      return Math.abs(proxyValue - trueValue);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e
          && generation == e.generation
          && Arrays.equals(x, e.x)
          && Double.compare(proxyValue, e.proxyValue) == 0
          && Double.compare(trueValue, e.trueValue) == 0;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(
          new double[] {generation, Arrays.hashCode(x), proxyValue, trueValue});
    }

    @Override
    public String toString() {
      return "Entry[generation="
          + generation
          + ", x="
          + Arrays.toString(x)
          + ", proxyValue="
          + proxyValue
          + ", trueValue="
          + trueValue
          + ", difference="
          + difference()
          + "]";
    }
  }

  private final ForwardModel proxy;
  private final ForwardModel truth;
  private final Codec<double[], DoubleGene> codec;
  private final int every;
  private final List<Entry> entries = new ArrayList<>();

  private ProxyAudit(
      ForwardModel proxy, ForwardModel truth, Codec<double[], DoubleGene> codec, int every) {
    this.proxy = nonNull(proxy, "proxy");
    this.truth = nonNull(truth, "truth");
    this.codec = nonNull(codec, "codec");
    this.every = Requires.positive(every, "every");
    if (proxy.domain().dimension() != truth.domain().dimension()) {
      throw new IllegalArgumentException(
          "proxy and truth must have the same dimension, but had "
              + proxy.domain().dimension()
              + " and "
              + truth.domain().dimension());
    }
  }

  /**
   * Returns an audit of every {@code every}-th generation (generations {@code every}, {@code 2 *
   * every}, ...).
   *
   * @param proxy the model the engine optimizes
   * @param truth the true model, evaluated once per audit
   * @param codec the engine's codec, to decode the best genotype
   * @param every the audit period in generations, {@code > 0}
   * @return a new, empty audit
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code every <= 0} or the models' dimensions differ
   */
  public static ProxyAudit of(
      ForwardModel proxy, ForwardModel truth, Codec<double[], DoubleGene> codec, int every) {
    return new ProxyAudit(proxy, truth, codec, every);
  }

  /**
   * Returns an audit of every generation.
   *
   * @param proxy the model the engine optimizes
   * @param truth the true model, evaluated once per generation
   * @param codec the engine's codec
   * @return a new, empty audit
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the models' dimensions differ
   */
  public static ProxyAudit of(
      ForwardModel proxy, ForwardModel truth, Codec<double[], DoubleGene> codec) {
    return of(proxy, truth, codec, 1);
  }

  /**
   * Audits the result's best individual if its generation is a multiple of the period.
   *
   * @param result an evolution result, as passed by {@code EvolutionStream.peek}
   * @throws NullPointerException if {@code result} is null
   */
  @Override
  public void accept(EvolutionResult<DoubleGene, Double> result) {
    nonNull(result, "result");
    long generation = result.generation();
    if (generation % every != 0) {
      return;
    }
    double[] x = codec.decode(result.bestPhenotype().genotype());
    Entry entry = new Entry(generation, x, proxy.evaluate(x), truth.evaluate(x));
    synchronized (entries) {
      entries.add(entry);
    }
  }

  /**
   * Returns the entries recorded so far, in recording order.
   *
   * @return an immutable snapshot
   */
  public List<Entry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /**
   * Returns the most recent entry.
   *
   * @return the last entry, or empty if nothing was audited yet
   */
  public Optional<Entry> latest() {
    synchronized (entries) {
      return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }
  }

  /**
   * Returns the largest difference recorded so far.
   *
   * @return the maximum of {@link Entry#difference()}, or 0 if nothing was audited yet
   */
  public double maxDifference() {
    return entries().stream().mapToDouble(Entry::difference).max().orElse(0);
  }

  /**
   * Returns the audit period.
   *
   * @return the number of generations between audits
   */
  public int every() {
    return every;
  }

  @Override
  public String toString() {
    return "ProxyAudit[every=" + every + ", entries=" + entries().size() + "]";
  }
}
