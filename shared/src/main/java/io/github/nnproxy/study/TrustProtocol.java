package io.github.nnproxy.study;

import io.github.nnproxy.Domain;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.internal.Seeds;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.manage.ManagedResult;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Sampler;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.report.RunFiles;
import io.github.nnproxy.study.report.TrustReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The trust study as a {@link StudyProtocol}: per function and dimension, (d) every optimizer's
 * full run on the truth once per seed; then per scheme and optimizer and seed, (a) the optimizer
 * on the cell's offline proxy (the stability study's proxy: same cell, seed, trainer and sample),
 * (b) the managed loop, budgeted by (d)'s evaluations, and (c) the optimizer on the truth with
 * (b)'s evaluations. Rows in {@link TrustCsv}; {@code trust.md} at the end. Not API; stateless
 * apart from the study's settings.
 */
final class TrustProtocol implements GridProtocol<TrustProtocol.Run, TrustCsv.Row, TrustResult> {

  /** One run: a function, a scheme (null for (d)), an optimizer, a user seed and a method. */
  record Run(BenchmarkFunction function, SamplingScheme scheme, TrustOptimizer optimizer,
      long seed, TrustMethod method) {
    String schemeLabel() {
      return scheme == null ? "" : scheme.label();
    }
  }

  /** Stands for the scheme's sampler in the configuration's description. */
  private static final Sampler SCHEME_SAMPLER = new Sampler() {
    @Override
    public double[][] sample(Domain domain, int n, long seed) {
      throw new UnsupportedOperationException("a placeholder");
    }

    @Override
    public String toString() {
      return "the scheme's sampler";
    }
  };

  private final TrustStudy study;

  TrustProtocol(TrustStudy study) {
    this.study = study;
  }

  @Override
  public StudyGrid grid() {
    return study;
  }

  @Override
  public String threadName() {
    return "nnproxy-trust";
  }

  @Override
  public boolean prepare() {
    return StudyFolder.prepareWithProxies(study.output(), describe(study), study.resume(),
        StudyFolder.CONFIG, TrustCsv.RUNS, TrustCsv.TIMINGS, TrustReport.MARKDOWN);
  }

  /** The canonical description of what the runs depend on ({@code closeness} does not count). */
  static String describe(TrustStudy s) {
    StringBuilder b = new StringBuilder();
    b.append("# nnproxy trust study: the configuration of the results in this folder.\n")
        .append("# A study with another configuration refuses to run here. Do not edit.\n");
    StudyFolder.grid(b, s);
    for (TrustOptimizer o : s.optimizers()) {
      StudyFolder.line(b, "optimizer " + o.label(), o.optimizer().description()
          + "; with 100 true evaluations: " + o.equalBudget().apply(100).description());
    }
    StudyFolder.line(b, "managed template", s.managed().toBuilder().initialSampler(SCHEME_SAMPLER)
        .seed(0).threads(1).build());
    StudyFolder.line(b, "budget share", s.budgetShare());
    StudyFolder.cells(b, s);
    return b.toString();
  }

  @Override
  public List<Run> runs() {
    List<Run> out = new ArrayList<>();
    for (BenchmarkFunction f : study.problems()) {
      for (TrustOptimizer o : study.optimizers()) {
        for (long seed : study.seeds()) {
          out.add(new Run(f, null, o, seed, TrustMethod.TRUTH_FULL));
        }
      }
      for (SamplingScheme s : study.schemes()) {
        for (TrustOptimizer o : study.optimizers()) {
          for (long seed : study.seeds()) {
            for (TrustMethod m : TrustMethod.values()) {
              if (m != TrustMethod.TRUTH_FULL) {
                out.add(new Run(f, s, o, seed, m));
              }
            }
          }
        }
      }
    }
    return out;
  }

  @Override
  public String runKey(Run r) {
    return TrustCsv.key(r.function().name(), r.function().domain().dimension(), r.schemeLabel(),
        r.optimizer().label(), r.seed(), r.method());
  }

  @Override
  public String rowKey(TrustCsv.Row r) {
    return TrustCsv.key(r.run());
  }

  /** Every seed follows from the run's key and {@code study-config.txt}, which the folder holds. */
  @Override
  public boolean matches(Run spec, TrustCsv.Row row) {
    return true;
  }

  /**
   * Reuses the proxies of the stability study in {@link TrustStudy#proxiesFrom()}, cell by cell,
   * where its {@code study-config.txt} says they were made with this study's proxy seed, base
   * size and trainer: the same cell, seed and settings give the same proxy.
   */
  @Override
  public void loadForeignProxies(ProxyCache cache) {
    Path from = study.proxiesFrom();
    if (from == null) {
      return;
    }
    Path config = from.resolve(StudyFolder.CONFIG);
    if (!Files.exists(config)) {
      throw new IllegalStateException("proxiesFrom " + from + " holds no " + StudyFolder.CONFIG
          + ", so it cannot be told how its proxies were made. Give the folder of a stability"
          + " study.");
    }
    Map<String, String> theirs;
    try {
      theirs = StudyFolder.parse(Files.readString(config, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + config, e);
    }
    boolean same = String.valueOf(study.proxySeed()).equals(theirs.get("proxy seed"))
        && String.valueOf(study.baseSize()).equals(theirs.get("base size"));
    cache.load(from.resolve("proxies"), c -> {
      String cell = c.function().name() + " " + c.function().domain().dimension() + "-D";
      return same && StudyFolder.trainer(study.trainer(c.function()))
          .equals(theirs.get("trainer " + cell));
    });
  }

  @Override
  public ProxyCache.Cell proxyCell(Run s) {
    return s.method() == TrustMethod.OFFLINE_PROXY ? new ProxyCache.Cell(s.function(), s.scheme())
        : null;
  }

  @Override
  public List<Run> needs(Run s) {
    return switch (s.method()) {
      case MANAGED -> List.of(new Run(s.function(), null, s.optimizer(), s.seed(),
          TrustMethod.TRUTH_FULL));
      case TRUTH_EQUAL_BUDGET -> List.of(new Run(s.function(), s.scheme(), s.optimizer(),
          s.seed(), TrustMethod.MANAGED));
      default -> List.of();
    };
  }

  private static long runSeed(BenchmarkFunction f, TrustOptimizer o, long seed) {
    return StudyGrid.runSeed(seed, f, o.label());
  }

  @Override
  public TrustCsv.Row run(Run s, Proxy proxy, List<TrustCsv.Row> needed) {
    BenchmarkFunction f = s.function();
    TrustOptimizer o = s.optimizer();
    long start = System.nanoTime();
    double[] x;
    long evaluations;
    switch (s.method()) {
      case TRUTH_FULL -> {
        Optimum best = o.optimizer().minimize(f, runSeed(f, o, s.seed()));
        x = best.x();
        evaluations = best.evaluations();
      }
      case OFFLINE_PROXY -> {
        x = o.optimizer().minimize(proxy, runSeed(f, o, s.seed())).x();
        evaluations = s.scheme().sampleSize(study.baseSize());
      }
      case MANAGED -> {
        long managedSeed = Seeds.derive(s.seed(), "managed", f.name(), f.domain().dimension(),
            s.scheme().label(), o.label());
        ManagedOptimization m = managedSettings(study.managed(), study.budgetShare(),
            needed.get(0).run().trueEvaluations(), s.scheme(), f, managedSeed);
        ManagedResult r = m.run(f, o.optimizer());
        x = r.best().x();
        evaluations = r.trueEvaluations();
      }
      case TRUTH_EQUAL_BUDGET -> {
        long managed = needed.get(0).run().trueEvaluations();
        Optimizer same = o.equalBudget().apply((int) managed);
        if (same == null) {
          throw new IllegalStateException("the equal-budget factory of '" + o.label()
              + "' returned null for " + managed + " evaluations. Check the factory.");
        }
        Optimum best = same.minimize(f, runSeed(f, o, s.seed()));
        x = best.x();
        evaluations = best.evaluations();
      }
      default -> throw new IllegalStateException("unknown method " + s.method());
    }
    double wall = (System.nanoTime() - start) / 1e9;
    int d = f.domain().dimension();
    if (x.length != d) {
      throw new IllegalStateException("optimizer '" + o.label() + "' returned a point of length "
          + x.length + " on " + f.name() + " " + d + "-D. Check the optimizer.");
    }
    double distance = Optimum.of(x, 0, 0).distanceTo(f.optimum());
    return new TrustCsv.Row(new TrustRun(f.name(), d, s.schemeLabel(), o.label(), s.seed(),
        s.method(), distance, f.evaluate(x), evaluations), wall);
  }

  /** The managed settings of one run: the budget capped by the share of (d)'s evaluations. */
  static ManagedOptimization managedSettings(ManagedOptimization m, double share,
      long fullEvaluations, SamplingScheme s, BenchmarkFunction f, long seed) {
    long cap = (long) Math.floor(share * fullEvaluations);
    int budget = (int) Math.min(m.budget(), Math.max(cap, 2L * ProxyTrainer.MIN_SAMPLES));
    int initial = m.initialSamples();
    if (budget < m.budget()) {
      initial = Math.max(ProxyTrainer.MIN_SAMPLES,
          (int) ((long) budget * m.initialSamples() / m.budget()));
    }
    return m.toBuilder()
        .initialSampler(SeedRecipes.sampler(s, f))
        .initialSamples(initial)
        .budget(budget)
        .seed(seed)
        .threads(1)
        .build();
  }

  @Override
  public RunFiles<TrustCsv.Row> files() {
    return TrustCsv.FILES;
  }

  @Override
  public void finished(TrustCsv.Row row, int done, int total) {
    study.listener().onTrustRunFinished(row.run(), done, total);
  }

  @Override
  public TrustResult finish(List<TrustCsv.Row> rows, List<ProxyRecord> proxies,
      ExecutorService pool) {
    List<TrustRun> runs = new ArrayList<>(rows.size());
    for (TrustCsv.Row r : rows) {
      runs.add(r.run());
    }
    return TrustReport.write(study, runs);
  }
}
