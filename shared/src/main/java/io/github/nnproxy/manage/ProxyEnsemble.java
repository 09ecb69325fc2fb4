package io.github.nnproxy.manage;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.internal.Seeds;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * k proxies behind one {@link ForwardModel}: {@link #evaluate} is the members' mean, and {@link
 * #predict} adds their spread, a cheap measure of where the proxy does not know.
 *
 * <p>Member {@code i} is trained on a bootstrap resample of the data (drawn with replacement, of
 * the data's size) with its own seed, both derived from the caller's seed; a one-member ensemble
 * trains on the data as given and is a plain proxy with spread 0. Members train in parallel; the
 * result depends only on the data, the trainer and the seed, never on the thread count.
 *
 * <p>Immutable and thread-safe: members are thread-safe {@link Proxy}s.
 *
 * <pre>{@code
 * ProxyTrainer t = ProxyTrainer.builder().hiddenLayers(32, 32).epochs(100).threads(2).build();
 * ProxyEnsemble e = ProxyEnsemble.train(t, 5, simulation, Samplers.latinHypercube(), 500, 7L);
 * Prediction p = e.predict(x);             // mean and spread
 * Optimum o = optimizer.minimize(e, 7L);   // optimizes the mean
 * }</pre>
 */
public final class ProxyEnsemble implements ForwardModel {
  private final Domain domain;
  private final List<Proxy> members;

  private ProxyEnsemble(Domain domain, List<Proxy> members) {
    this.domain = domain;
    this.members = List.copyOf(members);
  }

  /**
   * Wraps proxies that were trained elsewhere.
   *
   * @param members one or more proxies on the same domain
   * @return the ensemble
   * @throws NullPointerException if {@code members} or a member is null
   * @throws IllegalArgumentException if {@code members} is empty or the domains differ
   */
  public static ProxyEnsemble of(List<Proxy> members) {
    nonNull(members, "members");
    if (members.isEmpty()) {
      throw new IllegalArgumentException("members must not be empty");
    }
    Domain d = nonNull(members.get(0), "members[0]").domain();
    for (int i = 1; i < members.size(); i++) {
      if (!nonNull(members.get(i), "members[" + i + "]").domain().equals(d)) {
        throw new IllegalArgumentException("members[" + i + "] is on "
            + members.get(i).domain() + ", but members[0] is on " + d);
      }
    }
    return new ProxyEnsemble(d, members);
  }

  /**
   * Fits k members to data, on {@code trainer.threads()} daemon threads that are shut down before
   * this returns.
   *
   * @param trainer the trainer of every member (its own seed is replaced by the members' seeds)
   * @param k the number of members, {@code >= 1}
   * @param x the inputs, one row per point
   * @param y the targets; rows with a non-finite target are dropped before resampling
   * @param domain the domain the proxies serve
   * @param seed the seed of the resamples and of the members' training
   * @return the ensemble
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code k < 1}, or the data are refused by {@link
   *     ProxyTrainer#fit}
   */
  public static ProxyEnsemble fit(ProxyTrainer trainer, int k, double[][] x, double[] y,
      Domain domain, long seed) {
    nonNull(trainer, "trainer");
    ExecutorService pool = Pools.daemonPool(Math.min(trainer.threads(), Math.max(1, k)),
        "nnproxy-ensemble");
    try {
      return fit(trainer, k, x, y, domain, seed, pool);
    } finally {
      Pools.shutdown(pool);
    }
  }

  /**
   * Fits k members to data, one task per member on the caller's executor; the caller owns and
   * shuts down the executor. The result does not depend on the executor.
   *
   * @param trainer the trainer of every member
   * @param k the number of members, {@code >= 1}
   * @param x the inputs
   * @param y the targets; rows with a non-finite target are dropped before resampling
   * @param domain the domain the proxies serve
   * @param seed the seed of the resamples and of the members' training
   * @param executor runs the members' training; null runs it on the calling thread
   * @return the ensemble
   * @throws NullPointerException if an argument other than {@code executor} is null
   * @throws IllegalArgumentException if {@code k < 1}, or the data are refused by {@link
   *     ProxyTrainer#fit}
   */
  public static ProxyEnsemble fit(ProxyTrainer trainer, int k, double[][] x, double[] y,
      Domain domain, long seed, Executor executor) {
    return fit(trainer, k, x, y, domain, seed, executor, null);
  }

  /**
   * Fits a new ensemble to data with each member continuing from this ensemble's member of the
   * same index ({@link ProxyTrainer#fit(double[][], double[], Domain, Proxy)}): a warm start for
   * data that grew since this ensemble was fitted. Resamples and seeds are drawn as {@link
   * #fit(ProxyTrainer, int, double[][], double[], Domain, long, Executor)} draws them; the result
   * does not depend on the executor.
   *
   * @param trainer the trainer of every member: this ensemble's hidden layers and activation,
   *     usually with fewer epochs
   * @param x the inputs
   * @param y the targets; rows with a non-finite target are dropped before resampling
   * @param seed the seed of the resamples and of the members' training
   * @param executor runs the members' training; null runs it on the calling thread
   * @return the new ensemble, of this ensemble's size and on its domain
   * @throws NullPointerException if an argument other than {@code executor} is null
   * @throws IllegalArgumentException if the trainer builds another network, or the data are
   *     refused by {@link ProxyTrainer#fit}
   */
  public ProxyEnsemble refit(ProxyTrainer trainer, double[][] x, double[] y, long seed,
      Executor executor) {
    return fit(trainer, members.size(), x, y, domain, seed, executor, members);
  }

  private static ProxyEnsemble fit(ProxyTrainer trainer, int k, double[][] x, double[] y,
      Domain domain, long seed, Executor executor, List<Proxy> start) {
    nonNull(trainer, "trainer");
    Requires.positive(k, "k");
    nonNull(x, "x");
    nonNull(y, "y");
    nonNull(domain, "domain");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same length, but had " + x.length + " and " + y.length);
    }
    for (int i = 0; i < x.length; i++) {
      Requires.point(x[i], domain.dimension(), "x[" + i + "]");
    }
    List<Integer> finite = new ArrayList<>(y.length);
    for (int i = 0; i < y.length; i++) {
      if (Double.isFinite(y[i])) {
        finite.add(i);
      }
    }
    List<Callable<Proxy>> tasks = new ArrayList<>(k);
    for (int m = 0; m < k; m++) {
      long memberSeed = Seeds.stream(seed, m);
      boolean bootstrap = k > 1;
      Proxy from = start == null ? null : start.get(m);
      tasks.add(() -> {
        int n = finite.size();
        double[][] xs = new double[n][];
        double[] ys = new double[n];
        SplittableRandom r = new SplittableRandom(memberSeed);
        for (int i = 0; i < n; i++) {
          int j = finite.get(bootstrap ? r.nextInt(n) : i);
          xs[i] = x[j];
          ys[i] = y[j];
        }
        ProxyTrainer t = trainer.toBuilder().seed(memberSeed).build();
        return from == null ? t.fit(xs, ys, domain) : t.fit(xs, ys, domain, from);
      });
    }
    return new ProxyEnsemble(domain, Pools.runAll(tasks, executor));
  }

  /**
   * Samples a forward model, evaluates it (on {@code trainer.threads()} threads; points where it
   * throws or returns a non-finite value are dropped) and fits k members to the results.
   *
   * @param trainer the trainer of every member
   * @param k the number of members, {@code >= 1}
   * @param truth the forward model to imitate
   * @param sampler how to draw the training points
   * @param n the number of points, {@code > 0}
   * @param seed the seed of the sample, the resamples and the training
   * @return the ensemble, on {@code truth.domain()}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code k < 1}, {@code n <= 0}, or too few points remain
   */
  public static ProxyEnsemble train(ProxyTrainer trainer, int k, ForwardModel truth,
      Sampler sampler, int n, long seed) {
    nonNull(trainer, "trainer");
    Requires.positive(k, "k");
    nonNull(truth, "truth");
    nonNull(sampler, "sampler");
    Requires.positive(n, "n");
    ExecutorService pool = Pools.daemonPool(trainer.threads(), "nnproxy-ensemble");
    try {
      double[][] xs = sampler.sample(truth.domain(), n, seed);
      if (xs.length != n) {
        throw new IllegalStateException("the sampler returned " + xs.length + " points, but " + n
            + " were asked for. Check the sampler.");
      }
      double[] ys = Pools.evaluate(truth, xs, pool, trainer.threads() * 8);
      return fit(trainer, k, xs, ys, truth.domain(), Seeds.stream(seed, -1L), pool);
    } finally {
      Pools.shutdown(pool);
    }
  }

  /**
   * Returns the members, in the order of their seeds.
   *
   * @return an unmodifiable list of one or more proxies
   */
  public List<Proxy> members() {
    return members;
  }

  /**
   * Returns the number of members.
   *
   * @return k, {@code >= 1}
   */
  public int size() {
    return members.size();
  }

  @Override
  public Domain domain() {
    return domain;
  }

  /**
   * Returns the members' mean prediction.
   *
   * @param x a point of the domain's dimension with finite coordinates
   * @return the mean of the members' predictions
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite coordinate
   */
  @Override
  public double evaluate(double[] x) {
    return predict(x).mean();
  }

  /**
   * Returns the members' mean prediction at many points, one batched pass per member.
   *
   * @param xs the points
   * @return the means, {@code result[i] = evaluate(xs[i])}
   * @throws NullPointerException if {@code xs} or a row is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   */
  @Override
  public double[] evaluateAll(double[][] xs) {
    return moments(xs)[0];
  }

  /**
   * Returns the mean and the spread of the members' predictions at a point.
   *
   * @param x a point of the domain's dimension with finite coordinates
   * @return the prediction
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite coordinate
   */
  public Prediction predict(double[] x) {
    Requires.point(x, domain.dimension(), "x");
    double[][] m = moments(new double[][] {x});
    return new Prediction(m[0][0], m[1][0]);
  }

  /**
   * Returns the mean and the spread at many points, one batched pass per member.
   *
   * @param xs the points
   * @return one prediction per point, in order
   * @throws NullPointerException if {@code xs} or a row is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   */
  public List<Prediction> predictAll(double[][] xs) {
    double[][] m = moments(xs);
    List<Prediction> out = new ArrayList<>(xs.length);
    for (int i = 0; i < xs.length; i++) {
      out.add(new Prediction(m[0][i], m[1][i]));
    }
    return List.copyOf(out);
  }

  /**
   * Returns the spread (population standard deviation across members) at a point.
   *
   * @param x a point of the domain's dimension with finite coordinates
   * @return the spread, 0 for a one-member ensemble
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite coordinate
   */
  public double spread(double[] x) {
    return predict(x).spread();
  }

  /**
   * Returns the spread at many points.
   *
   * @param xs the points
   * @return the spreads, {@code result[i] = spread(xs[i])}
   * @throws NullPointerException if {@code xs} or a row is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   */
  public double[] spreadAll(double[][] xs) {
    return moments(xs)[1];
  }

  /** Returns {mean, spread} per point; the two-pass formula keeps the spread exact. */
  double[][] moments(double[][] xs) {
    nonNull(xs, "xs");
    int n = xs.length;
    int k = members.size();
    double[][] each = new double[k][];
    for (int m = 0; m < k; m++) {
      each[m] = members.get(m).evaluateAll(xs);
    }
    double[] mean = new double[n];
    double[] spread = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int m = 0; m < k; m++) {
        s += each[m][i];
      }
      double mu = s / k;
      double v = 0;
      for (int m = 0; m < k; m++) {
        double e = each[m][i] - mu;
        v += e * e;
      }
      mean[i] = mu;
      spread[i] = Math.sqrt(v / k);
    }
    return new double[][] {mean, spread};
  }

  @Override
  public String toString() {
    return "ProxyEnsemble[" + members.size() + " members on " + domain + "]";
  }
}
