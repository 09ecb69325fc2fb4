package io.github.nnproxy.manage;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.internal.Seeds;
import java.util.SplittableRandom;

/**
 * Evaluates a share of each batch with the truth and the rest with the proxy, and tags every value
 * with its {@link Source}: the core of the Jenetics and jMetal evaluator hooks, which then only
 * convert their populations to points and back.
 *
 * <p>Which points go to the truth is decided by a generator seeded from {@code (seed,
 * batchIndex)}: the same batch index always picks the same indices, on any thread. A batch of
 * {@code n} points sends {@code floor(share * n)} or one more to the truth, the extra one with a
 * probability equal to the fractional part, so over many batches the truth's share is {@code
 * share}. Both models are called once per batch, with {@link ForwardModel#evaluateAll}.
 *
 * <p>Immutable and thread-safe if both models are (nnproxy's are).
 *
 * <pre>{@code
 * MixedEvaluator mixed = MixedEvaluator.of(simulation, proxy, 0.1, 42L);
 * TaggedValues v = mixed.evaluate(points, generation);   // ~10% true values
 * }</pre>
 */
public final class MixedEvaluator {
  private final ForwardModel truth;
  private final ForwardModel proxy;
  private final double share;
  private final long seed;

  private MixedEvaluator(ForwardModel truth, ForwardModel proxy, double share, long seed) {
    this.truth = truth;
    this.proxy = proxy;
    this.share = share;
    this.seed = seed;
  }

  /**
   * Creates a mixed evaluator.
   *
   * @param truth the forward model
   * @param proxy the model that stands in for it, on the same domain's dimension
   * @param share the share of each batch to evaluate with the truth, in [0, 1]
   * @param seed the seed of the choice of points
   * @return the evaluator
   * @throws NullPointerException if a model is null
   * @throws IllegalArgumentException if {@code share} is outside [0, 1] or NaN, or the models'
   *     dimensions differ
   */
  public static MixedEvaluator of(ForwardModel truth, ForwardModel proxy, double share,
      long seed) {
    nonNull(truth, "truth");
    nonNull(proxy, "proxy");
    Requires.probability(share, "share");
    int dt = truth.domain().dimension();
    int dp = proxy.domain().dimension();
    if (dt != dp) {
      throw new IllegalArgumentException("proxy must have the truth's dimension " + dt
          + ", but had " + dp);
    }
    return new MixedEvaluator(truth, proxy, share, seed);
  }

  /**
   * Chooses which points of a batch go to the truth, without evaluating anything.
   *
   * @param n the batch size, {@code >= 0}
   * @param batchIndex the batch's number, e.g. the generation
   * @return {@code true} at the indices to evaluate with the truth
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public boolean[] truthMask(int n, long batchIndex) {
    Requires.nonNegative(n, "n");
    SplittableRandom r = new SplittableRandom(Seeds.stream(seed, batchIndex));
    double exact = share * n;
    int count = (int) Math.floor(exact);
    double frac = exact - count;
    if (frac > 1e-9 && (frac > 1 - 1e-9 || r.nextDouble() < frac)) {
      count++;
    }
    count = Math.min(count, n);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    boolean[] mask = new boolean[n];
    for (int i = 0; i < count; i++) { // partial Fisher-Yates: the first count of a permutation
      int k = i + r.nextInt(n - i);
      int t = order[i];
      order[i] = order[k];
      order[k] = t;
      mask[order[i]] = true;
    }
    return mask;
  }

  /**
   * Evaluates a batch: the chosen share with the truth, the rest with the proxy, each model once.
   *
   * @param xs the points
   * @param batchIndex the batch's number; the same number picks the same indices
   * @return the values in the order of {@code xs}, tagged with their sources
   * @throws NullPointerException if {@code xs} or a row is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   */
  public TaggedValues evaluate(double[][] xs, long batchIndex) {
    Requires.points(xs, truth.domain().dimension(), "xs");
    boolean[] mask = truthMask(xs.length, batchIndex);
    int nt = 0;
    for (boolean b : mask) {
      nt += b ? 1 : 0;
    }
    double[][] toTruth = new double[nt][];
    double[][] toProxy = new double[xs.length - nt][];
    for (int i = 0, a = 0, b = 0; i < xs.length; i++) {
      if (mask[i]) {
        toTruth[a++] = xs[i];
      } else {
        toProxy[b++] = xs[i];
      }
    }
    double[] yt = nt > 0 ? truth.evaluateAll(toTruth) : new double[0];
    double[] yp = toProxy.length > 0 ? proxy.evaluateAll(toProxy) : new double[0];
    checkLength(yt, nt, "truth");
    checkLength(yp, toProxy.length, "proxy");
    double[] values = new double[xs.length];
    Source[] sources = new Source[xs.length];
    for (int i = 0, a = 0, b = 0; i < xs.length; i++) {
      values[i] = mask[i] ? yt[a++] : yp[b++];
      sources[i] = mask[i] ? Source.TRUTH : Source.PROXY;
    }
    return new TaggedValues(values, sources);
  }

  private static void checkLength(double[] ys, int expected, String model) {
    if (ys.length != expected) {
      throw new IllegalStateException("Expected " + expected + " values from the " + model
          + ", but got " + ys.length + ". Check its evaluateAll.");
    }
  }

  /**
   * Returns the share of each batch evaluated with the truth.
   *
   * @return the share, in [0, 1]
   */
  public double share() {
    return share;
  }

  /**
   * Returns the truth.
   *
   * @return the forward model
   */
  public ForwardModel truth() {
    return truth;
  }

  /**
   * Returns the proxy.
   *
   * @return the model that stands in for the truth
   */
  public ForwardModel proxy() {
    return proxy;
  }

  /**
   * Returns the seed of the choice of points.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "MixedEvaluator[share " + share + " of " + truth + ", rest " + proxy + ", seed " + seed
        + "]";
  }
}
