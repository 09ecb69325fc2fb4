package io.github.nnproxy.manage;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.sampling.Samplers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state of one {@link ManagedOptimization#run}; not API, not thread-safe, used once. */
final class ManagedRun {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedOptimization.class);
  private static final int FIT = 1;
  private static final int OPTIMIZE = 2;
  private static final int POOL = 3;
  private static final int FALLBACK = 4;
  private static final int FINAL = 5;
  private static final int MERIT = 6;
  private static final int FALLBACK_PROPOSALS = 16;
  private static final double[] MERIT_WEIGHTS = {0.3, 0.5, 0.8, 0.95};
  private static final int SPREAD_POOL_PER_DIMENSION = 256;

  private final ManagedOptimization s;
  private final ForwardModel truth;
  private final Optimizer optimizer;
  private final Domain domain;
  private final List<TrueEvaluation> evaluations = new ArrayList<>();
  private final List<ManagedRound> rounds = new ArrayList<>();
  private ExecutorService pool;

  ManagedRun(ManagedOptimization settings, ForwardModel truth, Optimizer optimizer) {
    this.s = settings;
    this.truth = truth;
    this.optimizer = optimizer;
    this.domain = truth.domain();
  }

  ManagedResult run() {
    pool = Pools.daemonPool(s.threads, "nnproxy-managed");
    try {
      return loop();
    } finally {
      Pools.shutdown(pool);
    }
  }

  private ManagedResult loop() {
    double[][] x0 = s.initialSampler.sample(domain, s.initialSamples, s.seed);
    if (x0.length != s.initialSamples) {
      throw new IllegalStateException("the sampler returned " + x0.length + " points, but "
          + s.initialSamples + " were asked for. Check the sampler.");
    }
    double[] y0 = evaluateTruth(x0);
    for (int i = 0; i < x0.length; i++) {
      evaluations.add(new TrueEvaluation(x0[i], y0[i], 0, EvaluationReason.INITIAL_SAMPLE,
          Double.NaN));
    }
    StopReason stop = StopReason.MAX_ROUNDS;
    boolean fallbackNext = false;
    double[] previous = null;
    for (int round = 1; round <= s.maxRounds; round++) {
      int remaining = s.budget - evaluations.size();
      if (remaining <= 0) {
        stop = StopReason.BUDGET_SPENT;
        break;
      }
      ProxyEnsemble model = fit(Seeds.derive(s.seed, FIT, round));
      Optimum opt = optimizer.minimize(model, Seeds.derive(s.seed, OPTIMIZE, round * 1000L));
      double[] optX = domain.clamp(opt.x());
      boolean fallback = fallbackNext;
      List<double[]> points = new ArrayList<>();
      List<EvaluationReason> reasons = new ArrayList<>();
      int cap = Math.min(s.candidatesPerRound, remaining);
      if (fallback) {
        for (double[] p : fallbackPoints(FALLBACK_PROPOSALS * cap, round)) {
          add(points, reasons, p, s.fallback == Fallback.LOCAL_SEARCH
              ? EvaluationReason.LOCAL_SEARCH : EvaluationReason.SPACE_FILLING, cap);
        }
      } else {
        add(points, reasons, optX, EvaluationReason.PROXY_OPTIMUM, cap);
        for (int j = 1; j <= s.restarts && points.size() < cap; j++) {
          double[] r = domain.clamp(
              optimizer.minimize(model, Seeds.derive(s.seed, OPTIMIZE, round * 1000L + j)).x());
          add(points, reasons, r, EvaluationReason.RESTART_OPTIMUM, cap);
        }
        if (s.ensembleSize > 1 && points.size() < cap) {
          for (double[] p : highSpread(model, cap - points.size(), round)) {
            add(points, reasons, p, EvaluationReason.HIGH_SPREAD, cap);
          }
        }
        if (points.size() < cap) {
          for (double[] p : meritPoints(model, points, cap - points.size(), round)) {
            add(points, reasons, p, EvaluationReason.DISTANCE_MERIT, cap);
          }
        }
      }
      double[][] xs = points.toArray(new double[0][]);
      double[] predicted = xs.length > 0 ? model.evaluateAll(xs) : new double[0];
      double[] ys = evaluateTruth(xs);
      for (int i = 0; i < xs.length; i++) {
        evaluations.add(new TrueEvaluation(xs[i], ys[i], round, reasons.get(i), predicted[i]));
      }
      double trueAtOpt = fallback ? Double.NaN : trueValueNear(optX);
      double moved = previous == null ? Double.POSITIVE_INFINITY : distance(optX, previous);
      GateAssessment verdict = assess();
      rounds.add(new ManagedRound(round, opt, trueAtOpt, opt.value() - trueAtOpt, moved, fallback,
          xs.length, verdict));
      LOG.debug("round {}: proxy optimum {} (proxy {}, truth {}), moved {}, {} true evaluations,"
              + " rank correlation {}", round, Arrays.toString(optX), opt.value(), trueAtOpt,
          moved, xs.length, verdict.correlation());
      if (verdict.tripped()) {
        LOG.warn("quality gate tripped in round {}: rank correlation {} < {} on the last {} true"
                + " evaluations; next round uses {} instead of the proxy's optimum", round,
            verdict.correlation(), verdict.threshold(), verdict.pairs(), s.fallback);
      }
      fallbackNext = verdict.tripped();
      if (fallback && xs.length == 0) {
        // nothing new to judge: the verdict cannot change, so trust the proxy again
        LOG.info("round {}: the fallback found no point away from the evaluated ones", round);
        fallbackNext = false;
      }
      if (!fallback && !verdict.tripped() && (moved <= s.tolerance || xs.length == 0)) {
        stop = StopReason.CONVERGED;
        break;
      }
      previous = fallback ? previous : optX;
      if (evaluations.size() >= s.budget) {
        stop = StopReason.BUDGET_SPENT;
        break;
      }
    }
    ProxyEnsemble last = fit(Seeds.derive(s.seed, FINAL, 0));
    ManagedResult result = new ManagedResult(best(), evaluations, rounds, stop, last, s.seed);
    LOG.info("managed optimization ended ({}): best true value {} after {} true evaluations,"
        + " {} rounds, {} gate trips", stop, result.best().value(), evaluations.size(),
        rounds.size(), result.gateTrips());
    return result;
  }

  /** Adds a point unless it is within tolerance of an evaluated or already chosen point. */
  private void add(List<double[]> points, List<EvaluationReason> reasons, double[] p,
      EvaluationReason why, int cap) {
    if (points.size() >= cap) {
      return;
    }
    for (double[] q : points) {
      if (distance(p, q) <= s.tolerance) {
        return;
      }
    }
    for (TrueEvaluation e : evaluations) {
      if (distance(p, e.x()) <= s.tolerance) {
        return;
      }
    }
    points.add(p);
    reasons.add(why);
  }

  private ProxyEnsemble fit(long seed) {
    int n = evaluations.size();
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = evaluations.get(i).x();
      y[i] = evaluations.get(i).value();
    }
    return ProxyEnsemble.fit(s.trainer, s.ensembleSize, x, y, domain, seed, pool);
  }

  private double[] evaluateTruth(double[][] xs) {
    double[] ys = Pools.evaluate(truth, xs, pool, s.threads * 4);
    for (int i = 0; i < ys.length; i++) {
      if (!Double.isFinite(ys[i])) {
        LOG.warn("the forward model gave {} at {}; the point is kept but not trained on", ys[i],
            Arrays.toString(xs[i]));
      }
    }
    return ys;
  }

  /** The truth at a point, or at the evaluated point within tolerance of it; NaN if none. */
  private double trueValueNear(double[] x) {
    double bestD = Double.POSITIVE_INFINITY;
    double value = Double.NaN;
    for (TrueEvaluation e : evaluations) {
      double d = distance(x, e.x());
      if (d <= s.tolerance && d < bestD) {
        bestD = d;
        value = e.value();
      }
    }
    return value;
  }

  private GateAssessment assess() {
    List<double[]> pairs = new ArrayList<>();
    for (TrueEvaluation e : evaluations) {
      if (e.round() > 0) {
        pairs.add(new double[] {e.predicted(), e.value()});
      }
    }
    double[] p = new double[pairs.size()];
    double[] t = new double[pairs.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = pairs.get(i)[0];
      t[i] = pairs.get(i)[1];
    }
    return s.gate.assess(p, t);
  }

  private List<double[]> fallbackPoints(int n, int round) {
    long seed = Seeds.derive(s.seed, FALLBACK, round);
    List<double[]> out = new ArrayList<>(n);
    if (s.fallback == Fallback.LOCAL_SEARCH) {
      SplittableRandom r = new SplittableRandom(seed);
      double[] centre = best().x();
      for (int i = 0; i < n; i++) {
        double[] p = new double[centre.length];
        for (int j = 0; j < p.length; j++) {
          double width = domain.upper(j) - domain.lower(j);
          p[j] = centre[j] + s.localRadius * width * r.nextGaussian();
        }
        out.add(domain.clamp(p));
      }
      return out;
    }
    double[][] candidates = Samplers.uniform().sample(domain,
        SPREAD_POOL_PER_DIMENSION * domain.dimension(), seed);
    double[] nearest = new double[candidates.length];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (TrueEvaluation e : evaluations) {
      updateNearest(candidates, nearest, e.x());
    }
    for (int i = 0; i < n; i++) {
      int far = argMax(nearest);
      out.add(candidates[far]);
      updateNearest(candidates, nearest, candidates[far]);
    }
    return out;
  }

  /**
   * Regis and Shoemaker's weighted merit over a pool of Gaussian steps around the best true point
   * and uniform points: {@code w * scaledProxyValue + (1 - w) * (1 - scaledDistance)}, lowest
   * first, with the weight w of the proxy value cycling through 0.3, 0.5, 0.8, 0.95.
   */
  private List<double[]> meritPoints(ProxyEnsemble model, List<double[]> chosen, int n,
      int round) {
    int size = SPREAD_POOL_PER_DIMENSION * domain.dimension();
    SplittableRandom r = new SplittableRandom(Seeds.derive(s.seed, MERIT, round));
    double[] centre = best().x();
    double[][] candidates = new double[size][];
    for (int i = 0; i < size; i++) {
      double[] p = new double[centre.length];
      for (int j = 0; j < p.length; j++) {
        double width = domain.upper(j) - domain.lower(j);
        p[j] = i % 2 == 0 ? centre[j] + 2 * s.localRadius * width * r.nextGaussian()
            : domain.lower(j) + width * r.nextDouble();
      }
      candidates[i] = domain.clamp(p);
    }
    double[] value = model.evaluateAll(candidates);
    double vMin = Double.POSITIVE_INFINITY;
    double vMax = Double.NEGATIVE_INFINITY;
    for (double v : value) {
      vMin = Math.min(vMin, v);
      vMax = Math.max(vMax, v);
    }
    double[] nearest = new double[size];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (TrueEvaluation e : evaluations) {
      updateNearest(candidates, nearest, e.x());
    }
    for (double[] c : chosen) {
      updateNearest(candidates, nearest, c);
    }
    List<double[]> out = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      double w = MERIT_WEIGHTS[(round * 7 + c) % MERIT_WEIGHTS.length];
      double dMin = Double.POSITIVE_INFINITY;
      double dMax = 0;
      for (double d : nearest) {
        dMin = Math.min(dMin, d);
        dMax = Math.max(dMax, d);
      }
      int pick = -1;
      double bestMerit = Double.POSITIVE_INFINITY;
      for (int i = 0; i < size; i++) {
        if (nearest[i] <= s.tolerance) {
          continue;
        }
        double sv = vMax > vMin ? (value[i] - vMin) / (vMax - vMin) : 0;
        double sd = dMax > dMin ? (dMax - nearest[i]) / (dMax - dMin) : 0;
        double merit = w * sv + (1 - w) * sd;
        if (merit < bestMerit) {
          bestMerit = merit;
          pick = i;
        }
      }
      if (pick < 0) {
        break;
      }
      out.add(candidates[pick]);
      updateNearest(candidates, nearest, candidates[pick]);
    }
    return out;
  }

  /** Pool points with the largest spread, at least 5% of the diagonal apart from each other. */
  private List<double[]> highSpread(ProxyEnsemble model, int n, int round) {
    double[][] candidates = Samplers.uniform().sample(domain,
        SPREAD_POOL_PER_DIMENSION * domain.dimension(), Seeds.derive(s.seed, POOL, round));
    double[] spread = model.spreadAll(candidates);
    double diagonal = distance(domain.lower(), domain.upper());
    List<double[]> out = new ArrayList<>(n);
    while (out.size() < n) {
      int top = argMax(spread);
      if (spread[top] == Double.NEGATIVE_INFINITY) {
        break;
      }
      out.add(candidates[top]);
      for (int i = 0; i < candidates.length; i++) {
        if (distance(candidates[i], candidates[top]) < 0.05 * diagonal) {
          spread[i] = Double.NEGATIVE_INFINITY;
        }
      }
    }
    return out;
  }

  private static void updateNearest(double[][] candidates, double[] nearest, double[] p) {
    for (int i = 0; i < candidates.length; i++) {
      nearest[i] = Math.min(nearest[i], distance(candidates[i], p));
    }
  }

  private static int argMax(double[] v) {
    int k = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[k]) {
        k = i;
      }
    }
    return k;
  }

  private Optimum best() {
    TrueEvaluation b = null;
    for (TrueEvaluation e : evaluations) {
      if (Double.isFinite(e.value()) && (b == null || e.value() < b.value())) {
        b = e;
      }
    }
    if (b == null) {
      throw new IllegalStateException("the forward model returned no finite value at any of "
          + evaluations.size() + " points. Check the forward model.");
    }
    return new Optimum(b.x(), b.value(), evaluations.size());
  }

  static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
