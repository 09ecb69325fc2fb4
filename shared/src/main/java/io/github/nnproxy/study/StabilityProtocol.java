package io.github.nnproxy.study;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.plot.StudyPlots;
import io.github.nnproxy.study.report.MarkdownReport;
import io.github.nnproxy.study.report.RunFiles;
import io.github.nnproxy.study.report.RunsCsv;
import io.github.nnproxy.study.report.Summaries;
import io.github.nnproxy.study.report.SummaryCsv;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The stability study as a {@link StudyProtocol}: per function and dimension, every optimizer on
 * the truth once per seed, then per scheme every optimizer on the cell's proxy once per seed;
 * rows in {@link RunsCsv}; summaries, plots and the report at the end. Not API; stateless apart
 * from the study's settings.
 */
final class StabilityProtocol
    implements GridProtocol<StabilityProtocol.Run, RunRecord, StudyResult> {

  /** One run: a function, a scheme (null on the truth), an optimizer and a user seed. */
  record Run(BenchmarkFunction function, SamplingScheme scheme, StudyOptimizer optimizer,
      long seed) {
    String schemeLabel() {
      return scheme == null ? "" : scheme.label();
    }
  }

  private final StabilityStudy study;

  StabilityProtocol(StabilityStudy study) {
    this.study = study;
  }

  @Override
  public StudyGrid grid() {
    return study;
  }

  @Override
  public String threadName() {
    return "nnproxy-study";
  }

  @Override
  public ForwardModel sampledTruth(BenchmarkFunction f) {
    return study.sampledTruth(f);
  }

  @Override
  public boolean prepare() {
    return StudyFolder.prepare(study);
  }

  @Override
  public List<Run> runs() {
    List<Run> out = new ArrayList<>();
    for (BenchmarkFunction f : study.problems()) {
      for (StudyOptimizer o : study.optimizers()) {
        for (long seed : study.seeds()) {
          out.add(new Run(f, null, o, seed));
        }
      }
      for (SamplingScheme s : study.schemes()) {
        for (StudyOptimizer o : study.optimizers()) {
          for (long seed : study.seeds()) {
            out.add(new Run(f, s, o, seed));
          }
        }
      }
    }
    return out;
  }

  @Override
  public String runKey(Run r) {
    return key(r.function().name(), r.function().domain().dimension(), r.schemeLabel(),
        r.optimizer().label(), r.seed());
  }

  @Override
  public String rowKey(RunRecord r) {
    return key(r.function(), r.dimension(), r.scheme(), r.optimizer(), r.seed());
  }

  private static String key(String function, int d, String scheme, String optimizer, long seed) {
    return function + "\u0000" + d + "\u0000" + scheme + "\u0000" + optimizer + "\u0000" + seed;
  }

  @Override
  public boolean matches(Run s, RunRecord r) {
    return runSeed(s) == r.runSeed()
        && r.objective() == (s.scheme() == null ? Objective.TRUTH : Objective.PROXY);
  }

  private static long runSeed(Run s) {
    BenchmarkFunction f = s.function();
    return StudyGrid.runSeed(s.seed(), f, s.optimizer().label());
  }

  @Override
  public ProxyCache.Cell proxyCell(Run s) {
    return s.scheme() == null ? null : new ProxyCache.Cell(s.function(), s.scheme());
  }

  @Override
  public RunRecord run(Run s, Proxy proxy, List<RunRecord> needed) {
    BenchmarkFunction f = s.function();
    long runSeed = runSeed(s);
    ForwardModel objective = proxy == null ? f : proxy;
    long start = System.nanoTime();
    Optimum best = s.optimizer().optimizer().minimize(objective, runSeed);
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    return measure(f, proxy, s.schemeLabel(), s.optimizer().label(), s.seed(), runSeed, best,
        wall);
  }

  /**
   * Judges an optimizer's result on the true function (and the proxy, if there is one).
   *
   * @throws IllegalStateException if the optimizer returned a point of the wrong length or with a
   *     non-finite coordinate
   */
  static RunRecord measure(BenchmarkFunction f, Proxy proxy, String scheme, String optimizer,
      long seed, long runSeed, Optimum best, Duration wall) {
    double[] x = best.x();
    int d = f.domain().dimension();
    if (x.length != d || !Arrays.stream(x).allMatch(Double::isFinite)) {
      throw new IllegalStateException("optimizer '" + optimizer + "' returned " + best
          + " on " + f.name() + " " + d + "-D; expected " + d + " finite coordinates."
          + " Check the optimizer.");
    }
    double trueValue = f.evaluate(x);
    double proxyValue = proxy == null ? Double.NaN : proxy.evaluate(x);
    return new RunRecord(f.name(), d, scheme, optimizer, seed, runSeed,
        proxy == null ? Objective.TRUTH : Objective.PROXY, x, best.distanceTo(f.optimum()),
        trueValue, trueValue - f.optimalValue(), best.value(), proxyValue,
        Math.abs(proxyValue - trueValue), best.evaluations(), f.domain().contains(x), wall);
  }

  @Override
  public RunFiles<RunRecord> files() {
    return RunsCsv.FILES;
  }

  @Override
  public void finished(RunRecord row, int done, int total) {
    study.listener().onRunFinished(row, done, total);
  }

  @Override
  public StudyResult finish(List<RunRecord> runs, List<ProxyRecord> proxies,
      ExecutorService pool) {
    Path out = study.output();
    List<CellSummary> cells = Summaries.of(runs, proxies);
    SummaryCsv.write(out, cells, proxies);
    List<Path> plots = study.plots()
        ? new StudyPlots(study, out.resolve("plots")).draw(pool, runs, cells, proxies)
        : List.of();
    Path md = MarkdownReport.write(out, study, cells, plots);
    return new StudyResult(out, out.resolve(RunsCsv.RUNS), out.resolve(SummaryCsv.SUMMARY), md,
        plots, proxies, cells, runs.size());
  }
}
