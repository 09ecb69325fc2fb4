package io.github.nnproxy.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.report.TrustReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStudyTest {
  private static final ProxyTrainer TINY =
      ProxyTrainer.builder().hiddenLayers(16, 16).epochs(20).batchSize(16).patience(0).build();
  private static final SearchOptimizer SEARCH = new SearchOptimizer("search", 400, 10);

  /** A grid small enough for a unit test: 2 functions, 2-D, 2 schemes, 2 seeds. */
  private static TrustStudy.Builder tiny(Path out) {
    return TrustStudy.builder()
        .functions("sphere", "rastrigin").dimensions(2)
        .schemes(SamplingScheme.SPARSE_UNIFORM, SamplingScheme.GAUSSIAN)
        .optimizer(SEARCH, n -> new SearchOptimizer("search", Math.max(1, n - 40), 10))
        .seeds(1, 2).baseSize(80).trainer(f -> TINY)
        .managed(ManagedOptimization.builder().trainer(TINY).initialSamples(20).budget(40)
            .maxRounds(8).build())
        .budgetShare(0.1).threads(2).output(out);
  }

  @Test
  void writesEveryMethodOfEveryRunAndOneSummaryPerCell(@TempDir Path dir) throws IOException {
    TrustResult r = tiny(dir).build().run();
    // per function and seed: 1 full truth run + 3 methods x 2 schemes
    assertEquals(2 * 2 * (1 + 3 * 2), r.runs().size());
    assertEquals(2 * 2, r.cells().size());
    List<String> lines = Files.readAllLines(r.csv());
    assertEquals(TrustReport.HEADER, lines.get(0));
    assertEquals(r.runs().size() + 1, lines.size());
    for (TrustRun run : r.runs()) {
      switch (run.method()) {
        case OFFLINE_PROXY -> assertEquals(SamplingScheme.parse(run.scheme()).sampleSize(80),
            run.trueEvaluations());
        case MANAGED -> assertTrue(run.trueEvaluations() <= 40 && run.trueEvaluations() >= 20);
        case TRUTH_FULL -> {
          assertEquals(440, run.trueEvaluations());
          assertEquals("", run.scheme());
        }
        case TRUTH_EQUAL_BUDGET -> assertTrue(run.trueEvaluations() <= 41, run.toString());
        default -> throw new AssertionError(run);
      }
      assertEquals(Benchmarks.byName(run.function(), 2).optimum().length, 2);
      assertTrue(run.distance() >= 0 && Double.isFinite(run.trueValue()), run.toString());
    }
    String md = Files.readString(r.markdown());
    assertTrue(md.contains("## sphere 2-D") && md.contains("## rastrigin 2-D"), md);
    assertTrue(md.contains("Goal met in " + r.goalsHeld() + " of 4 cells"), md);
    for (TrustCell c : r.cells()) {
      assertEquals(c.goalHolds(), c.reason().isEmpty(), c.toString());
      double cap = 0.1 * c.trueEvaluations(TrustMethod.TRUTH_FULL).mean();
      boolean expected = c.distance(TrustMethod.MANAGED).mean()
          <= c.distance(TrustMethod.TRUTH_FULL).mean() + 1e-3
          && c.trueEvaluations(TrustMethod.MANAGED).mean() <= cap;
      assertEquals(expected, c.goalHolds(), c.toString());
    }
  }

  @Test
  void filesDoNotDependOnTheThreadCount(@TempDir Path dir) throws IOException {
    TrustResult one = tiny(dir.resolve("one")).schemes(SamplingScheme.SPARSE_UNIFORM).threads(1)
        .build().run();
    TrustResult two = tiny(dir.resolve("two")).schemes(SamplingScheme.SPARSE_UNIFORM).threads(3)
        .build().run();
    assertEquals(Files.readString(one.csv()), Files.readString(two.csv()));
    assertEquals(Files.readString(one.markdown()), Files.readString(two.markdown()));
    TrustResult other = tiny(dir.resolve("other")).schemes(SamplingScheme.SPARSE_UNIFORM)
        .seeds(3, 4).build().run();
    assertNotEquals(one.runs().get(0).distance(), other.runs().get(0).distance());
  }

  @Test
  void managedBudgetIsCappedByTheShareAndTheInitialSampleShrinksWithIt() {
    ManagedOptimization m = ManagedOptimization.builder().initialSamples(100).budget(200).build();
    ManagedOptimization ga = TrustProtocol.managedSettings(m, 0.05, 910,
        SamplingScheme.DENSE_UNIFORM, Benchmarks.ackley(2), 5L);
    assertEquals(45, ga.budget());
    assertEquals(22, ga.initialSamples());
    assertEquals(5L, ga.seed());
    ManagedOptimization pso = TrustProtocol.managedSettings(m, 0.05, 100_000,
        SamplingScheme.DENSE_UNIFORM, Benchmarks.ackley(2), 5L);
    assertEquals(200, pso.budget());
    assertEquals(100, pso.initialSamples());
    ManagedOptimization floor = TrustProtocol.managedSettings(m, 0.05, 100,
        SamplingScheme.DENSE_UNIFORM, Benchmarks.ackley(2), 5L);
    assertEquals(2 * ProxyTrainer.MIN_SAMPLES, floor.budget());
    assertEquals(ProxyTrainer.MIN_SAMPLES, floor.initialSamples());
  }

  private static Map<TrustMethod, double[][]> per(double[] b, double[] d, double[] vb,
      double[] vd, double nb, double nd) {
    Map<TrustMethod, double[][]> m = new EnumMap<>(TrustMethod.class);
    double[] ones = {1, 1};
    m.put(TrustMethod.OFFLINE_PROXY, new double[][] {ones, ones, {10, 10}});
    m.put(TrustMethod.MANAGED, new double[][] {b, vb, {nb, nb}});
    m.put(TrustMethod.TRUTH_EQUAL_BUDGET, new double[][] {{1.1, 1.1}, ones, {nb, nb}});
    m.put(TrustMethod.TRUTH_FULL, new double[][] {d, vd, {nd, nd}});
    return m;
  }

  private static String reason(Map<TrustMethod, double[][]> per) {
    Map<TrustMethod, MeanStd> dist = new EnumMap<>(TrustMethod.class);
    Map<TrustMethod, MeanStd> value = new EnumMap<>(TrustMethod.class);
    Map<TrustMethod, MeanStd> evals = new EnumMap<>(TrustMethod.class);
    for (TrustMethod t : TrustMethod.values()) {
      dist.put(t, MeanStd.of(per.get(t)[0]));
      value.put(t, MeanStd.of(per.get(t)[1]));
      evals.put(t, MeanStd.of(per.get(t)[2]));
    }
    TrustStudy s = TrustStudy.builder().functions("sphere").optimizer(SEARCH, n -> SEARCH)
        .build();
    return TrustReport.reason(s, per, dist, value, evals);
  }

  @Test
  void reasonsNameWhatWentWrong() {
    double[] near = {0.01, 0.02};
    double[] exact = {1e-6, 1e-6};
    assertEquals("", reason(per(exact, near, exact, exact, 40, 1000)));
    assertTrue(reason(per(exact, near, exact, exact, 60, 1000)).startsWith("(b) used 60"));
    assertTrue(reason(per(near, exact, exact, exact, 40, 1000)).startsWith("precision"));
    assertTrue(reason(per(new double[] {1, 1}, exact, exact, near, 40, 1000))
        .startsWith("flat minimum"));
    String stuck = reason(per(new double[] {1, 1.01}, exact, new double[] {1, 2}, exact, 40, 1000));
    assertTrue(stuck.startsWith("false minimum: every seed ends about 1.005"), stuck);
    assertTrue(stuck.contains("(c), the optimizer alone on the same budget, is farther"), stuck);
    String budget = reason(per(new double[] {0.5, 2}, exact, new double[] {1, 2}, exact, 40, 1000));
    assertTrue(budget.startsWith("budget: (b) ends 1.250 from x*"), budget);
    assertTrue(budget.contains("does as well or better (1.100)"), budget);
    assertTrue(reason(per(new double[] {0.13, 0.135}, exact, new double[] {1, 2}, exact, 40,
        1000)).startsWith("budget"), "a consistent end near x* is not a false minimum");
  }

  @Test
  void builderRejectsBadValuesAndEverySetterChangesTheStudy() {
    assertThrows(IllegalArgumentException.class, () -> TrustStudy.builder().budgetShare(0));
    assertThrows(IllegalArgumentException.class,
        () -> TrustStudy.builder().budgetShare(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> TrustStudy.builder().closeness(-1));
    assertThrows(IllegalArgumentException.class, () -> TrustStudy.builder().baseSize(39));
    assertThrows(IllegalArgumentException.class, () -> TrustStudy.builder().threads(0));
    assertThrows(IllegalArgumentException.class, () -> TrustStudy.builder().seeds(1, 1));
    assertThrows(IllegalArgumentException.class, () -> TrustStudy.builder().dimensions(2, 2));
    assertThrows(IllegalArgumentException.class, () -> TrustStudy.builder().functions("nope"));
    assertThrows(IllegalArgumentException.class,
        () -> TrustStudy.builder().functions("sphere").build());
    assertThrows(IllegalArgumentException.class,
        () -> TrustStudy.builder().optimizer(SEARCH, n -> SEARCH).build());
    assertThrows(IllegalArgumentException.class,
        () -> TrustStudy.builder().optimizer(SEARCH, n -> SEARCH).optimizer(SEARCH, n -> SEARCH));
    assertThrows(NullPointerException.class, () -> TrustStudy.builder().managed(null));
    TrustStudy s = TrustStudy.builder().functions("sphere").optimizer(SEARCH, n -> SEARCH)
        .dimensions(3).schemes(SamplingScheme.SOBOL).seeds(9).proxySeed(7).baseSize(50)
        .budgetShare(0.2).closeness(0.5).threads(3).output(Path.of("x"))
        .managed(ManagedOptimization.builder().initialSamples(30).budget(77).build()).trainer(f -> TINY).build();
    assertEquals(List.of("sphere"), s.functionNames());
    assertEquals(3, s.dimensions()[0]);
    assertEquals(List.of(SamplingScheme.SOBOL), s.schemes());
    assertEquals(9, s.seeds()[0]);
    assertEquals(7, s.proxySeed());
    assertEquals(50, s.baseSize());
    assertEquals(0.2, s.budgetShare());
    assertEquals(0.5, s.closeness());
    assertEquals(3, s.threads());
    assertEquals(Path.of("x"), s.output());
    assertEquals(77, s.managed().budget());
    assertEquals(TINY, s.trainer(Benchmarks.sphere(3)));
    assertEquals("search", s.optimizers().get(0).label());
    assertFalse(TrustStudy.defaultManaged().toString().isEmpty());
  }
}
