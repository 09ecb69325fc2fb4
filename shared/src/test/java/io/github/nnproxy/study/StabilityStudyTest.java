package io.github.nnproxy.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a tiny study (sphere and Ackley 2-D, two schemes, two seeds) and checks its outputs. */
public class StabilityStudyTest {
  public static final ProxyTrainer FAST =
      ProxyTrainer.builder().hiddenLayers(16, 16).epochs(10).build();
  static final long[] SEEDS = {3, 7};

  @TempDir static Path tmp;
  static StudyResult result;
  static FixedOptimizer fixed;
  static final List<RunRecord> heard = new ArrayList<>();
  static final List<ProxyRecord> heardProxies = new ArrayList<>();
  static final List<Long> rowsOnDiskWhenHeard = new ArrayList<>();

  static StabilityStudy.Builder tiny(Path out, int threads, FixedOptimizer fixedOptimizer) {
    return StabilityStudy.builder()
        .functions("sphere", "ackley")
        .dimensions(2)
        .schemes(SamplingScheme.DENSE_UNIFORM, SamplingScheme.SPARSE_UNIFORM)
        .optimizer(new SearchOptimizer("search-pso", 200, 8), SeedColumn.PSO)
        .optimizer(new SearchOptimizer("search-ga", 50, 0), SeedColumn.GA)
        .optimizer(fixedOptimizer)
        .seeds(SEEDS)
        .baseSize(400)
        .trainer(f -> FAST)
        .threads(threads)
        .plotResolution(40)
        .parityPoints(200)
        .output(out);
  }

  @BeforeAll
  static void runTinyStudy() {
    fixed = new FixedOptimizer(1, 2);
    result = tiny(tmp.resolve("two-threads"), 2, fixed)
        .listener(new StudyListener() {
          @Override
          public void onProxyTrained(ProxyRecord proxy, int done, int total) {
            heardProxies.add(proxy);
          }

          @Override
          public void onRunFinished(RunRecord run, int done, int total) {
            heard.add(run);
            try (var lines = Files.lines(tmp.resolve("two-threads/runs.csv"))) {
              rowsOnDiskWhenHeard.add(lines.count() - 1); // less the header
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        })
        .build()
        .run();
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)
          .getRecords();
    }
  }

  @Test
  void writesOneRowPerProxyRunAndPerTruthRun() throws IOException {
    List<CSVRecord> rows = csv(result.runsCsv());
    // 2 functions x 1 dimension x 3 optimizers x 2 seeds x (2 schemes + 1 truth)
    assertEquals(36, rows.size());
    assertEquals(36, result.runCount());
    assertEquals(24, rows.stream().filter(r -> r.get("objective").equals("proxy")).count());
    List<CSVRecord> truth = rows.stream().filter(r -> r.get("objective").equals("truth")).toList();
    assertEquals(12, truth.size());
    assertTrue(truth.stream().allMatch(r -> r.get("scheme").isEmpty()
        && r.get("proxy_value").isEmpty() && r.get("proxy_error").isEmpty()));
    assertEquals(36, heard.size());
    assertEquals(4, heardProxies.size());
  }

  @Test
  void streamsEveryRunToDiskBeforeReportingIt() {
    for (int i = 0; i < rowsOnDiskWhenHeard.size(); i++) {
      assertTrue(rowsOnDiskWhenHeard.get(i) >= i + 1,
          "run " + (i + 1) + " heard with " + rowsOnDiskWhenHeard.get(i) + " rows on disk");
    }
  }

  @Test
  void failsWithTheOptimizersCause() {
    var boom = new IllegalArgumentException("boom");
    var failing = new io.github.nnproxy.optimize.Optimizer() {
      @Override
      public String name() {
        return "failing";
      }

      @Override
      public io.github.nnproxy.optimize.Optimum minimize(
          io.github.nnproxy.ForwardModel objective, long seed) {
        throw boom;
      }
    };
    var study = StabilityStudy.builder().functions("sphere").dimensions(2)
        .schemes(SamplingScheme.SPARSE_UNIFORM).optimizer(failing).seeds(1).baseSize(40)
        .trainer(f -> FAST).threads(2).plots(false).output(tmp.resolve("failing")).build();
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, study::run);
    assertEquals(boom, e.getCause());
  }

  @Test
  void runsEachTruthBaselineOnce() throws IOException {
    assertEquals(2 * SEEDS.length, fixed.truthCalls.get()); // 2 functions x 2 seeds
    assertEquals(2 * 2 * SEEDS.length, fixed.proxyCalls.get());
    Set<String> keys = new HashSet<>();
    for (CSVRecord r : csv(result.runsCsv())) {
      if (r.get("objective").equals("truth")) {
        assertTrue(keys.add(r.get("function") + r.get("dimension") + r.get("optimizer")
            + r.get("seed")), "duplicate truth run " + r);
      }
    }
    assertEquals(12, keys.size());
  }

  @Test
  void measuresDistanceRegretAndProxyErrorAtTheFoundPoint() throws IOException {
    // The fixed optimizer answers (1, 2). Sphere: f = 1 + 4 = 5, f* = 0 at the origin.
    Proxy dense = Proxy.load(tmp.resolve("two-threads/proxies/sphere-2d-dense-uniform.nnproxy"));
    double proxyValue = dense.evaluate(new double[] {1, 2});
    CSVRecord row = csv(result.runsCsv()).stream()
        .filter(r -> r.get("function").equals("sphere") && r.get("optimizer").equals("fixed")
            && r.get("scheme").equals("dense-uniform") && r.get("seed").equals("3"))
        .findFirst().orElseThrow();
    assertEquals(Math.sqrt(5), Double.parseDouble(row.get("distance")), 1e-12);
    assertEquals(5.0, Double.parseDouble(row.get("true_value")), 1e-12);
    assertEquals(5.0, Double.parseDouble(row.get("regret")), 1e-12);
    assertEquals(proxyValue, Double.parseDouble(row.get("proxy_value")), 0.0);
    assertEquals(Math.abs(proxyValue - 5), Double.parseDouble(row.get("proxy_error")), 1e-12);
    assertEquals("1.0 2.0", row.get("x"));
    assertEquals("true", row.get("in_domain"));
    // Ackley at (1, 2): -20 exp(-0.2 sqrt(2.5)) - exp(1) + 20 + e = 20 - 20 exp(-0.2 sqrt(2.5))
    CSVRecord ackley = csv(result.runsCsv()).stream()
        .filter(r -> r.get("function").equals("ackley") && r.get("optimizer").equals("fixed")
            && r.get("objective").equals("truth")).findFirst().orElseThrow();
    assertEquals(20 - 20 * Math.exp(-0.2 * Math.sqrt(2.5)),
        Double.parseDouble(ackley.get("regret")), 1e-12);
  }

  @Test
  void summarizesEachCellWithPopulationStd() {
    CellSummary c = result.cell("sphere", 2, "sparse-uniform", "fixed", Objective.PROXY)
        .orElseThrow();
    assertEquals(2, c.runs());
    assertEquals(Math.sqrt(5), c.distance().mean(), 1e-12);
    assertEquals(0.0, c.distance().std(), 0.0);
    assertTrue(c.validationR2() <= 1);
    CellSummary t = result.cell("ackley", 2, "", "search-pso", Objective.TRUTH).orElseThrow();
    assertFalse(t.proxyError().present());
    assertTrue(Double.isNaN(t.validationR2()));
    // 2 functions x 3 optimizers x (2 schemes + truth)
    assertEquals(18, result.cells().size());
  }

  @Test
  void filesAreIdenticalWithOneAndTwoThreads() throws IOException {
    StudyResult one = tiny(tmp.resolve("one-thread"), 1, new FixedOptimizer(1, 2)).plots(false)
        .build().run();
    assertArrayEquals(Files.readAllBytes(result.runsCsv()), Files.readAllBytes(one.runsCsv()));
    assertArrayEquals(Files.readAllBytes(result.summaryCsv()),
        Files.readAllBytes(one.summaryCsv()));
    assertTrue(one.plots().isEmpty());
  }

  @Test
  void reportsTheSeedFiguresBesideOurs() throws IOException {
    String md = Files.readString(result.summaryMarkdown());
    assertTrue(md.contains("| ackley | 2 | dense-uniform |"), md);
    assertTrue(md.contains("0.0285 ± 0.0000"), md); // the seed's PSO, Ackley 2-D dense
    assertTrue(md.contains("0.0340 ± 0.0070"), md); // its GA
    assertTrue(md.contains("0.1433 ± 0.0758"), md); // its PSO, Ackley 2-D sparse
    assertTrue(md.contains("## Commentary"), md);
    assertTrue(md.contains("ddof = 0"), md);
  }

  @Test
  void drawsNonEmptyPlots() throws IOException {
    Path plots = tmp.resolve("two-threads/plots");
    for (String name : List.of("landscape-sphere-2d-dense-uniform.png",
        "landscape-ackley-2d-sparse-uniform.png", "parity-ackley-2d-dense-uniform.png",
        "distance-sphere.png", "distance-ackley.png")) {
      Path p = plots.resolve(name);
      assertTrue(Files.size(p) > 1000, name);
      byte[] head = new byte[4];
      System.arraycopy(Files.readAllBytes(p), 0, head, 0, 4);
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, name);
    }
    // 4 parity + 4 landscapes + 2 distance charts
    assertEquals(10, result.plots().size());
  }

  @Test
  void savesLoadableProxies() {
    assertEquals(4, result.proxies().size());
    for (ProxyRecord p : result.proxies()) {
      Proxy proxy = Proxy.load(p.file());
      assertEquals(p.quality().validationR2(), proxy.quality().validationR2(), 0.0);
      assertEquals(2, proxy.domain().dimension());
    }
    assertEquals(100, result.proxies().get(1).samples()); // sparse: a quarter of 400
  }
}
