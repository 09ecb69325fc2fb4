package io.github.nnproxy.manage;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.Seeds;
import io.github.nnproxy.internal.Vectors;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.ProxyTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  private static final int MINIMA = 7;
  private static final int FILL = 8;
  private static final int LOCAL = 9;
  /** A trust region this many times smaller than its start begins again. */
  private static final double RESTART_SHRINK = 64;
  /** How many of the best true points centre a distinct-minima pool. */
  private static final int POOL_CENTRES = 5;
  private static final int FALLBACK_PROPOSALS = 16;

  private final ManagedOptimization s;
  private final ForwardModel truth;
  private final Optimizer optimizer;
  private final Domain domain;
  private final List<TrueEvaluation> evaluations = new ArrayList<>();
  /** The points of {@link #evaluations}, uncopied, for the distance loops. */
  private final List<double[]> evaluated = new ArrayList<>();
  private final List<ManagedRound> rounds = new ArrayList<>();
  private ExecutorService pool;
  private double radius;
  /** The latest fitted ensemble, the start of a warm retraining. */
  private ProxyEnsemble latest;
  private int successes;
  private int failures;

  ManagedRun(ManagedOptimization settings, ForwardModel truth, Optimizer optimizer) {
    this.s = settings;
    this.truth = truth;
    this.optimizer = optimizer;
    this.domain = truth.domain();
  }

  ManagedResult run() {
    pool = Pools.daemonPool(s.threads(), "nnproxy-managed");
    try {
      return loop();
    } finally {
      Pools.shutdown(pool);
    }
  }

  private ManagedResult loop() {
    double[][] x0 = s.initialSampler().sample(domain, s.initialSamples(), s.seed());
    if (x0.length != s.initialSamples()) {
      throw new IllegalStateException("the sampler returned " + x0.length + " points, but "
          + s.initialSamples() + " were asked for. Check the sampler.");
    }
    double[] y0 = evaluateTruth(x0);
    for (int i = 0; i < x0.length; i++) {
      record(new TrueEvaluation(x0[i], y0[i], 0, EvaluationReason.INITIAL_SAMPLE, Double.NaN));
    }
    radius = s.trustRadius();
    StopReason stop = StopReason.MAX_ROUNDS;
    boolean fallbackNext = false;
    double[] previous = null;
    for (int round = 1; round <= s.maxRounds(); round++) {
      int remaining = s.budget() - evaluations.size();
      if (remaining <= 0) {
        stop = StopReason.BUDGET_SPENT;
        break;
      }
      ProxyEnsemble model = fit(Seeds.stream(s.seed(), FIT, round));
      double incumbent = best().value();
      double[] centre = best().x();
      AcquisitionModel acq = new AcquisitionModel(model, s.acquisition(), s.explorationWeight(),
          incumbent, null);
      Optimum found = optimizer.minimize(acq, Seeds.stream(s.seed(), OPTIMIZE, round * 1000L));
      double[] optX = domain.clamp(found.x());
      Optimum opt = s.acquisition() == Acquisition.MEAN || model.size() == 1 ? found
          : Optimum.of(optX, model.evaluate(optX), found.evaluations());
      boolean fallback = fallbackNext;
      List<double[]> points = new ArrayList<>();
      List<EvaluationReason> reasons = new ArrayList<>();
      int cap = Math.min(s.candidatesPerRound(), remaining);
      if (fallback) {
        for (double[] p : Candidates.fallback(s.fallback(), domain, points(), best().x(),
            s.localRadius(), FALLBACK_PROPOSALS * cap, Seeds.stream(s.seed(), FALLBACK, round))) {
          add(points, reasons, p, s.fallback() == Fallback.LOCAL_SEARCH
              ? EvaluationReason.LOCAL_SEARCH : EvaluationReason.SPACE_FILLING, cap);
        }
      } else {
        add(points, reasons, optX, EvaluationReason.PROXY_OPTIMUM, cap);
        if (s.trustRegion() && s.localModel() && points.size() < cap) {
          Domain box = box(centre);
          LocalQuadratic q = LocalQuadratic.fit(evaluations, domain, centre, box);
          if (q != null) {
            double[] t = optimizer.minimize(q, Seeds.stream(s.seed(), LOCAL, round)).x();
            add(points, reasons, domain.clamp(t), EvaluationReason.LOCAL_MODEL, cap);
          }
        }
        if (s.trustRegion() && points.size() < cap) {
          double[] t = optimizer.minimize(acq.on(box(centre)),
              Seeds.stream(s.seed(), OPTIMIZE, round * 1000L + 999)).x();
          add(points, reasons, domain.clamp(t), EvaluationReason.TRUST_REGION, cap);
        }
        for (int j = 1; j <= s.restarts() && points.size() < cap; j++) {
          double[] r = domain.clamp(
              optimizer.minimize(acq, Seeds.stream(s.seed(), OPTIMIZE, round * 1000L + j)).x());
          add(points, reasons, r, EvaluationReason.RESTART_OPTIMUM, cap);
        }
        if (s.batchSelection() == BatchSelection.DISTINCT_MINIMA && points.size() < cap) {
          double width = s.trustRegion() ? radius : 2 * s.localRadius();
          for (double[] p : Candidates.distinctMinima(acq, points(), points, topPoints(), width,
              perturbProbability(), Math.max(width / 2, 1e-3), s.tolerance(), cap - points.size(),
              Seeds.stream(s.seed(), MINIMA, round))) {
            add(points, reasons, p, EvaluationReason.ACQUISITION_MINIMUM, cap);
          }
        }
        if (s.batchSelection() == BatchSelection.SPREAD_AND_MERIT && s.ensembleSize() > 1
            && points.size() < cap) {
          for (double[] p : Candidates.highSpread(model, cap - points.size(),
              Seeds.stream(s.seed(), POOL, round))) {
            add(points, reasons, p, EvaluationReason.HIGH_SPREAD, cap);
          }
        }
        if (s.batchSelection() == BatchSelection.SPREAD_AND_MERIT && points.size() < cap) {
          for (double[] p : Candidates.merit(model, points(), points, best().x(),
              2 * s.localRadius(), s.tolerance(), cap - points.size(), 7 * round,
              Seeds.stream(s.seed(), MERIT, round))) {
            add(points, reasons, p, EvaluationReason.DISTANCE_MERIT, cap);
          }
        }
      }
      if (!s.stopOnConvergence() && points.size() < cap) {
        for (double[] p : Candidates.fallback(Fallback.SPACE_FILLING, domain, points(), centre,
            s.localRadius(), cap - points.size(), Seeds.stream(s.seed(), FILL, round))) {
          add(points, reasons, p, EvaluationReason.SPACE_FILLING, cap);
        }
      }
      double[][] xs = points.toArray(new double[0][]);
      double[] predicted = xs.length > 0 ? model.evaluateAll(xs) : new double[0];
      double[] ys = evaluateTruth(xs);
      for (int i = 0; i < xs.length; i++) {
        record(new TrueEvaluation(xs[i], ys[i], round, reasons.get(i), predicted[i]));
      }
      if (!fallback) {
        updateTrustRegion(incumbent, best().value(), cap);
      }
      double trueAtOpt = fallback ? Double.NaN : trueValueNear(optX);
      double moved =
          previous == null ? Double.POSITIVE_INFINITY : Vectors.distance(optX, previous);
      GateAssessment verdict = assess();
      rounds.add(new ManagedRound(round, opt, trueAtOpt, opt.value() - trueAtOpt, moved, fallback,
          xs.length, verdict));
      LOG.debug("round {}: proxy optimum {} (proxy {}, truth {}), moved {}, {} true evaluations,"
              + " rank correlation {}", round, Arrays.toString(optX), opt.value(), trueAtOpt,
          moved, xs.length, verdict.correlation());
      if (verdict.tripped()) {
        LOG.warn("quality gate tripped in round {}: rank correlation {} < {} on the last {} true"
                + " evaluations; next round uses {} instead of the proxy's optimum", round,
            verdict.correlation(), verdict.threshold(), verdict.pairs(), s.fallback());
      }
      fallbackNext = verdict.tripped();
      if (fallback && xs.length == 0) {
        // nothing new to judge: the verdict cannot change, so trust the proxy again
        LOG.info("round {}: the fallback found no point away from the evaluated ones", round);
        fallbackNext = false;
      }
      if (s.stopOnConvergence() && !fallback && !verdict.tripped()
          && (moved <= s.tolerance() || xs.length == 0)) {
        stop = StopReason.CONVERGED;
        break;
      }
      previous = fallback ? previous : optX;
      if (evaluations.size() >= s.budget()) {
        stop = StopReason.BUDGET_SPENT;
        break;
      }
    }
    ProxyEnsemble last = fit(Seeds.stream(s.seed(), FINAL, 0));
    ManagedResult result = new ManagedResult(best(), evaluations, rounds, stop, last, s.seed());
    LOG.info("managed optimization ended ({}): best true value {} after {} true evaluations,"
        + " {} rounds, {} gate trips", stop, result.best().value(), evaluations.size(),
        rounds.size(), result.gateTrips());
    return result;
  }

  /** DYCORS' probability that a pool step moves a coordinate; 1 without subset perturbation. */
  private double perturbProbability() {
    if (!s.perturbSubsets()) {
      return 1;
    }
    int d = domain.dimension();
    int left = s.budget() - s.initialSamples();
    int made = evaluations.size() - s.initialSamples();
    double decay = left > 1 ? 1 - Math.log(made + 1.0) / Math.log(left) : 0;
    return Math.min(1, 20.0 / d) * Math.max(0, decay);
  }

  /** The best true points, best first: the centres of a distinct-minima pool. */
  private List<double[]> topPoints() {
    List<TrueEvaluation> finite = new ArrayList<>();
    for (TrueEvaluation e : evaluations) {
      if (Double.isFinite(e.value())) {
        finite.add(e);
      }
    }
    finite.sort(java.util.Comparator.comparingDouble(TrueEvaluation::value));
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < Math.min(POOL_CENTRES, finite.size()); i++) {
      out.add(finite.get(i).x());
    }
    return out;
  }

  /** The trust region around a centre: the current half-width, cut to the domain. */
  private io.github.nnproxy.Domain box(double[] centre) {
    int d = domain.dimension();
    double[] lo = new double[d];
    double[] hi = new double[d];
    for (int j = 0; j < d; j++) {
      double half = radius * (domain.upper(j) - domain.lower(j));
      lo[j] = Math.max(domain.lower(j), centre[j] - half);
      hi[j] = Math.min(domain.upper(j), centre[j] + half);
    }
    return Domain.of(lo, hi);
  }

  /**
   * TuRBO's rule: two improving rounds in a row double the radius (at most 0.5), max(2, d /
   * batch) failing rounds in a row halve it, and a radius shrunk 64-fold starts again.
   */
  private void updateTrustRegion(double before, double after, int batch) {
    if (after < before - 1e-3 * Math.abs(before)) {
      successes++;
      failures = 0;
      if (successes >= 2) {
        radius = Math.min(0.5, 2 * radius);
        successes = 0;
      }
    } else {
      failures++;
      successes = 0;
      if (failures >= Math.max(2, (int) Math.ceil(domain.dimension() / (double) batch))) {
        radius /= 2;
        failures = 0;
        if (radius < s.trustRadius() / RESTART_SHRINK) {
          radius = s.trustRadius();
        }
      }
    }
  }

  /** Adds a point unless it is within tolerance of an evaluated or already chosen point. */
  private void add(List<double[]> points, List<EvaluationReason> reasons, double[] p,
      EvaluationReason why, int cap) {
    if (points.size() >= cap) {
      return;
    }
    for (double[] q : points) {
      if (Vectors.distance(p, q) <= s.tolerance()) {
        return;
      }
    }
    for (double[] e : evaluated) {
      if (Vectors.distance(p, e) <= s.tolerance()) {
        return;
      }
    }
    points.add(p);
    reasons.add(why);
  }

  private void record(TrueEvaluation e) {
    evaluations.add(e);
    evaluated.add(e.x());
  }

  /** The evaluated points, read-only. */
  private List<double[]> points() {
    return java.util.Collections.unmodifiableList(evaluated);
  }

  private ProxyEnsemble fit(long seed) {
    int n = evaluations.size();
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = evaluated.get(i);
      y[i] = evaluations.get(i).value();
    }
    if (s.warmStart() && latest != null) {
      ProxyTrainer t = s.warmStartEpochs() > 0
          ? s.trainer().toBuilder().epochs(s.warmStartEpochs()).build() : s.trainer();
      latest = latest.refit(t, x, y, seed, pool);
    } else {
      latest = ProxyEnsemble.fit(s.trainer(), s.ensembleSize(), x, y, domain, seed, pool);
    }
    return latest;
  }

  private double[] evaluateTruth(double[][] xs) {
    double[] ys = Pools.evaluate(truth, xs, pool, s.threads() * 4);
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
    for (int i = 0; i < evaluated.size(); i++) {
      double d = Vectors.distance(x, evaluated.get(i));
      if (d <= s.tolerance() && d < bestD) {
        bestD = d;
        value = evaluations.get(i).value();
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
    return s.gate().assess(p, t);
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
}
