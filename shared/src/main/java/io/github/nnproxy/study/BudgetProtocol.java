package io.github.nnproxy.study;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.internal.Seeds;
import io.github.nnproxy.internal.Vectors;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.manage.ManagedResult;
import io.github.nnproxy.manage.TrueEvaluation;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.study.plot.BudgetPlots;
import io.github.nnproxy.study.report.BudgetCsv;
import io.github.nnproxy.study.report.BudgetReport;
import io.github.nnproxy.study.report.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * The budget benchmark as a {@link StudyProtocol}: which runs a cell holds, how one run is made and
 * judged on the truth, and how the finished runs become summaries, the report and the plots. The
 * {@link StudyEngine} locks, resumes, schedules (the loop's and the longest budgets' runs first)
 * and streams the rows to {@link BudgetCsv}. No proxies are shared between runs, so the engine's
 * proxy cache stays empty. Not API; stateless apart from the study's settings.
 */
final class BudgetProtocol implements StudyProtocol<BudgetProtocol.Spec, BudgetRun, BudgetResult> {
  /** What one run is: its cell, method, optimizer (null for LHS) and seed. */
  record Spec(BudgetCell cell, BudgetMethod method, TrustOptimizer optimizer, long seed) {
    String optimizerLabel() {
      return optimizer == null ? "" : optimizer.label();
    }

    String key() {
      return BudgetCsv.key(cell.function(), cell.dimension(), cell.budget(), method.label(),
          optimizerLabel(), seed);
    }
  }

  private final BudgetStudy study;

  BudgetProtocol(BudgetStudy study) {
    this.study = study;
  }

  @Override
  public Path output() {
    return study.output();
  }

  @Override
  public int threads() {
    return study.threads();
  }

  @Override
  public String threadName() {
    return "nnproxy-budget";
  }

  /** A listener that hears nothing: progress lines go to the study's own consumer. */
  @Override
  public StudyListener listener() {
    return NO_LISTENER;
  }

  private static final StudyListener NO_LISTENER = new StudyListener() {};

  @Override
  public boolean prepare() {
    Path out = study.output();
    List<String> found = new ArrayList<>();
    for (String name : new String[] {BudgetCsv.RUNS, BudgetCsv.TIMINGS, BudgetReport.SUMMARY,
        BudgetReport.FILE}) {
      if (Files.exists(out.resolve(name))) {
        found.add(name);
      }
    }
    return StudyFolder.prepare(out, describe(study), study.resume(), found);
  }

  @Override
  public List<Spec> runs() {
    List<Spec> specs = new ArrayList<>();
    for (BudgetCell c : cells()) {
      specs.addAll(runs(c));
    }
    return specs;
  }

  @Override
  public String runKey(Spec spec) {
    return spec.key();
  }

  @Override
  public String rowKey(BudgetRun r) {
    return BudgetCsv.key(r.function(), r.dimension(), r.budget(), r.method().label(),
        r.optimizer(), r.seed());
  }

  @Override
  public boolean matches(Spec spec, BudgetRun row) {
    return runSeed(spec) == row.runSeed();
  }

  @Override
  public ProxyCache.Cell proxyCell(Spec spec) {
    return null;
  }

  /** The loop's runs first, then by budget, so that the threads stay busy to the end. */
  @Override
  public Comparator<Spec> submissionOrder() {
    return Comparator.comparingInt(BudgetProtocol::cost).reversed();
  }

  /** A rough cost rank: the loop's runs first, by budget. */
  private static int cost(Spec s) {
    int weight = switch (s.method()) {
      case MANAGED -> 100;
      case OFFLINE -> 10;
      default -> 1;
    };
    return weight * s.cell().budget();
  }

  @Override
  public BudgetRun run(Spec spec, Proxy proxy, List<BudgetRun> needed) {
    return execute(spec);
  }

  @Override
  public RunFiles<BudgetRun> files() {
    return BudgetCsv.FILES;
  }

  @Override
  public void finished(BudgetRun r, int done, int total) {
    study.progress().accept(String.format(Locale.ROOT, "%d/%d %s %d-D B=%d %s seed %d: regret"
            + " %.4g, distance %.4f, %d true evaluations, %.1f s", done, total, r.function(),
        r.dimension(), r.budget(), r.label(), r.seed(), r.regret(), r.distance(),
        r.evaluations(), r.wallSeconds()));
  }

  @Override
  public BudgetResult finish(List<BudgetRun> runs, List<ProxyRecord> proxies,
      ExecutorService pool) {
    Path out = study.output();
    List<BudgetCell> cells = cells();
    List<BudgetSummary> summaries = new ArrayList<>();
    for (BudgetCell c : cells) {
      List<BudgetRun> mine = runs.stream().filter(r -> r.function().equals(c.function())
          && r.dimension() == c.dimension() && r.budget() == c.budget()).toList();
      summaries.addAll(summarize(c, mine));
    }
    List<Path> plots = study.plots() ? BudgetPlots.draw(cells, summaries, out.resolve("plots"))
        : List.of();
    BudgetReport.writeCsv(out, summaries);
    Path md = BudgetReport.writeMarkdown(out, study, cells, summaries, plots, describe(study));
    return new BudgetResult(out, out.resolve(BudgetCsv.RUNS), out.resolve(BudgetReport.SUMMARY),
        md, plots, summaries, runs);
  }

  /** The canonical description of what the results depend on. */
  static String describe(BudgetStudy s) {
    StringBuilder b = new StringBuilder();
    b.append("# nnproxy budget benchmark: the configuration of the results in this folder.\n")
        .append("# A benchmark with another configuration refuses to run here. Do not edit.\n");
    line(b, "format", 1);
    line(b, "functions", String.join(", ", s.functions()));
    line(b, "held out", s.functions().stream().filter(s.heldOut()::contains)
        .collect(Collectors.joining(", ")));
    line(b, "dimensions", Arrays.toString(s.dimensions()));
    line(b, "budget factors", Arrays.toString(s.budgetFactors()));
    line(b, "seeds", Arrays.toString(s.seeds()));
    for (TrustOptimizer o : s.optimizers()) {
      line(b, "optimizer " + o.label(), o.optimizer().description() + "; with 100 true"
          + " evaluations: " + o.equalBudget().apply(100).description());
    }
    line(b, "managed template", s.managed().toString().replaceAll(", seed [-0-9]+", "")
        .replaceAll(", \\d+ threads", ""));
    line(b, "initial share", s.initialShare());
    line(b, "rounds", s.rounds());
    line(b, "offline trainer", StudyFolder.trainer(s.offlineTrainer()));
    return b.toString();
  }

  private static void line(StringBuilder b, String key, Object value) {
    b.append(key).append(" = ").append(value).append('\n');
  }

  /** The cells, function by function (held-out last), dimension, then budget. */
  List<BudgetCell> cells() {
    List<BudgetCell> out = new ArrayList<>();
    for (String f : study.functions()) {
      boolean held = study.heldOut().contains(f);
      for (int d : study.dimensions()) {
        for (int factor : study.budgetFactors()) {
          out.add(new BudgetCell(f, d, factor, held));
        }
      }
    }
    return out;
  }

  /** The runs of one cell, in the report's order: method, optimizer, seed. */
  List<Spec> runs(BudgetCell cell) {
    List<Spec> out = new ArrayList<>();
    for (BudgetMethod m : BudgetMethod.values()) {
      List<TrustOptimizer> opts = m == BudgetMethod.LHS ? java.util.Collections.singletonList(null)
          : study.optimizers();
      for (TrustOptimizer o : opts) {
        for (long seed : study.seeds()) {
          out.add(new Spec(cell, m, o, seed));
        }
      }
    }
    return out;
  }

  /** The seed of one run, derived from its place in the grid. */
  static long runSeed(Spec s) {
    BudgetCell c = s.cell();
    return Seeds.derive(s.seed(), "budget", c.function(), c.dimension(), c.budget(),
        s.method().label(), s.optimizerLabel());
  }

  /**
   * The managed loop's settings for a budget: the template's trainer, ensemble, gate and
   * fallback; {@code initialShare} of the budget as the initial Latin-hypercube sample (at least
   * {@link ProxyTrainer#MIN_SAMPLES}); the rest spread over {@code rounds} rounds; one thread.
   */
  static ManagedOptimization managedSettings(ManagedOptimization template, int budget,
      double initialShare, int rounds, long seed) {
    int initial = Math.min(budget, Math.max(ProxyTrainer.MIN_SAMPLES,
        (int) Math.round(initialShare * budget)));
    int perRound = Math.max(2, (int) Math.ceil((budget - initial) / (double) rounds));
    return template.toBuilder()
        .initialSampler(Samplers.latinHypercube())
        .initialSamples(initial)
        .budget(Math.max(budget, initial))
        .candidatesPerRound(perRound)
        .restarts(Math.min(template.restarts(), perRound - 1))
        .maxRounds(3 * rounds)
        .seed(seed)
        .threads(1)
        .build();
  }

  /** Makes one run and judges it on the truth. */
  BudgetRun execute(Spec s) {
    BudgetCell c = s.cell();
    BenchmarkFunction f = Benchmarks.byName(c.function(), c.dimension());
    int budget = c.budget();
    long seed = runSeed(s);
    TracedTruth truth = new TracedTruth(f, budget);
    long start = System.nanoTime();
    double[] trace = null;
    switch (s.method()) {
      case MANAGED -> {
        ManagedResult r = managedSettings(study.managed(), budget, study.initialShare(),
            study.rounds(), seed).run(truth, s.optimizer().optimizer());
        trace = traceOf(r.evaluations(), f.optimalValue(), budget);
      }
      case TRUTH -> {
        Optimizer o = s.optimizer().equalBudget().apply(budget);
        if (o == null) {
          throw new IllegalStateException("the equal-budget factory of '" + s.optimizerLabel()
              + "' returned null for " + budget + " evaluations. Check the factory.");
        }
        o.minimize(truth, seed);
      }
      case LHS -> truth.evaluateAll(Samplers.latinHypercube().sample(f.domain(), budget, seed));
      case OFFLINE -> {
        double[][] x = Samplers.latinHypercube().sample(f.domain(), budget - 1, seed);
        double[] y = truth.evaluateAll(x);
        Proxy proxy = study.offlineTrainer().toBuilder().seed(seed).threads(1).build()
            .fit(x, y, f.domain());
        Optimum o = s.optimizer().optimizer().minimize(proxy, seed);
        truth.evaluate(f.domain().clamp(o.x()));
      }
      default -> throw new IllegalStateException("unknown method " + s.method());
    }
    double wall = (System.nanoTime() - start) / 1e9;
    if (trace == null) {
      trace = truth.trace();
    }
    double[] x = truth.bestX();
    double regret = trace.length == 0 ? Double.NaN : trace[trace.length - 1];
    return new BudgetRun(c.function(), c.dimension(), budget, s.method(), s.optimizerLabel(),
        s.seed(), seed, trace.length, regret, Vectors.distance(x, f.optimum()), x, trace, wall,
        truth.truthSeconds());
  }

  /** The best-so-far regret after each of the loop's true evaluations, in the order made. */
  static double[] traceOf(List<TrueEvaluation> evaluations, double optimalValue, int budget) {
    int n = Math.min(budget, evaluations.size());
    double[] t = new double[n];
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double v = evaluations.get(i).value();
      if (Double.isFinite(v) && v < best) {
        best = v;
      }
      t[i] = best - optimalValue;
    }
    return t;
  }

  /**
   * Turns a cell's runs into one summary per method and optimizer, in the order of {@link
   * #runs}: medians and quartiles over the seeds, and the median trace with its quartiles.
   */
  List<BudgetSummary> summarize(BudgetCell cell, List<BudgetRun> runs) {
    Map<String, List<BudgetRun>> byLabel = new LinkedHashMap<>();
    for (Spec s : runs(cell)) {
      byLabel.computeIfAbsent(BudgetRun.label(s.method(), s.optimizerLabel()),
          k -> new ArrayList<>());
    }
    for (BudgetRun r : runs) {
      List<BudgetRun> l = byLabel.get(r.label());
      if (l != null) {
        l.add(r);
      }
    }
    List<BudgetSummary> out = new ArrayList<>();
    for (Map.Entry<String, List<BudgetRun>> e : byLabel.entrySet()) {
      List<BudgetRun> l = e.getValue();
      if (l.isEmpty()) {
        continue;
      }
      BudgetRun first = l.get(0);
      double[] regret = l.stream().mapToDouble(BudgetRun::regret).toArray();
      double[] dist = l.stream().mapToDouble(BudgetRun::distance).toArray();
      double[] evals = l.stream().mapToDouble(BudgetRun::evaluations).toArray();
      double[] over = l.stream().mapToDouble(BudgetRun::overheadPerEvaluation).toArray();
      int budget = cell.budget();
      double[][] curve = new double[3][budget];
      double[] at = new double[l.size()];
      for (int i = 0; i < budget; i++) {
        for (int j = 0; j < l.size(); j++) {
          at[j] = l.get(j).evaluations() == 0 ? Double.NaN : l.get(j).regretAfter(i + 1);
        }
        curve[0][i] = quantile(at, 0.25);
        curve[1][i] = quantile(at, 0.5);
        curve[2][i] = quantile(at, 0.75);
      }
      out.add(new BudgetSummary(cell, first.method(), first.optimizer(), l.size(),
          quantile(regret, 0.5), quantile(regret, 0.25), quantile(regret, 0.75),
          quantile(dist, 0.5), quantile(evals, 0.5), quantile(over, 0.5), curve[1], curve[0],
          curve[2]));
    }
    return out;
  }

  /** The q-quantile by linear interpolation between order statistics (R's type 7). */
  static double quantile(double[] values, double q) {
    double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    double h = (v.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(v.length - 1, lo + 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }
}
