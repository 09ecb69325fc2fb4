package io.github.nnproxy.study.plot;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.internal.Seeds;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.CellSummary;
import io.github.nnproxy.study.Objective;
import io.github.nnproxy.study.ProxyRecord;
import io.github.nnproxy.study.RunRecord;
import io.github.nnproxy.study.StabilityStudy;
import io.github.nnproxy.study.StudyOptimizer;
import io.github.nnproxy.study.report.Cells;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Draws every plot of a finished study into {@code plots/}, one task per plot on the study's
 * pool: a landscape per 2-D proxy (with its training points, drawn again from the proxy's seed),
 * a parity plot per proxy and a distance chart per function.
 * Proxies are loaded back from their files, so no proxy is held in memory between plots.
 */
public final class StudyPlots {
  private final StabilityStudy study;
  private final Path dir;

  public StudyPlots(StabilityStudy study, Path dir) {
    this.study = study;
    this.dir = dir;
  }

  public List<Path> draw(ExecutorService pool, List<RunRecord> runs, List<CellSummary> cells,
      List<ProxyRecord> proxies) {
    List<String> labels = study.optimizers().stream().map(StudyOptimizer::label).toList();
    List<CompletableFuture<Path>> tasks = new ArrayList<>();
    for (ProxyRecord p : proxies) {
      BenchmarkFunction f = problem(p.function(), p.dimension());
      String stem = p.function() + "-" + p.dimension() + "d-" + p.scheme();
      tasks.add(async(() -> parity(f, p, dir.resolve("parity-" + stem + ".png")), pool));
      if (p.dimension() == 2) {
        List<RunRecord> onProxy = runs.stream().filter(r -> r.objective() == Objective.PROXY
            && r.function().equals(p.function()) && r.dimension() == 2
            && r.scheme().equals(p.scheme())).toList();
        List<RunRecord> onTruth = runs.stream().filter(r -> r.objective() == Objective.TRUTH
            && r.function().equals(p.function()) && r.dimension() == 2).toList();
        tasks.add(async(() -> LandscapePlot.draw(f, Proxy.load(p.file()), p.scheme(),
            trainingPoints(f, p), onProxy, onTruth, labels, study.plotResolution(),
            dir.resolve("landscape-" + stem + ".png")), pool));
      }
    }
    Cells index = new Cells(cells);
    List<String> schemes = study.schemes().stream().map(SamplingScheme::label).toList();
    for (String name : study.functionNames()) {
      tasks.add(
          async(
              () ->
                  DistancePlot.draw(
                      name,
                      study.dimensions(),
                      schemes,
                      study.optimizers(),
                      study.seeds().length,
                      index,
                      dir.resolve("distance-" + name + ".png")),
              pool));
    }
    List<Path> out = new ArrayList<>();
    try {
      for (CompletableFuture<Path> t : tasks) {
        out.add(t.join());
      }
    } catch (CompletionException e) {
      throw new IllegalStateException("drawing the plots failed: " + e.getCause(), e.getCause());
    }
    out.sort(null);
    return out;
  }

  private Path parity(BenchmarkFunction f, ProxyRecord p, Path file) {
    Proxy proxy = Proxy.load(p.file());
    SamplingScheme scheme = SamplingScheme.parse(p.scheme());
    long seed = Seeds.derive(study.proxySeed(), "parity", p.function(), p.dimension(),
        p.scheme());
    double[][] xs = SeedRecipes.sampler(scheme, f).sample(f.domain(), study.parityPoints(), seed);
    String title = p.function() + " " + p.dimension() + "-D " + p.scheme();
    double atOptimum = proxy.evaluate(f.optimum());
    return ParityPlot.draw(title, f.evaluateAll(xs), proxy.evaluateAll(xs), f.optimalValue(),
        atOptimum, file);
  }

  /**
   * The points a proxy was trained on, drawn again: the study trains on {@code
   * SeedRecipes.sampler(scheme, f).sample(domain, samples, seed)} with the record's seed (see
   * {@code ProxyCache}), and samplers are deterministic in their seed.
   */
  public static double[][] trainingPoints(BenchmarkFunction f, ProxyRecord p) {
    return SeedRecipes.sampler(SamplingScheme.parse(p.scheme()), f)
        .sample(f.domain(), p.samples(), p.seed());
  }

  private BenchmarkFunction problem(String name, int d) {
    return study.problems().stream()
        .filter(f -> f.name().equals(name) && f.domain().dimension() == d).findFirst()
        .orElseThrow();
  }

  private static CompletableFuture<Path> async(Supplier<Path> task, ExecutorService pool) {
    return CompletableFuture.supplyAsync(task, pool);
  }
}
