package io.github.nnproxy.study.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.CellSummary;
import io.github.nnproxy.study.FixedOptimizer;
import io.github.nnproxy.study.MeanStd;
import io.github.nnproxy.study.Objective;
import io.github.nnproxy.study.ProxyRecord;
import io.github.nnproxy.study.RunRecord;
import io.github.nnproxy.study.SeedColumn;
import io.github.nnproxy.study.StabilityStudyTest;
import io.github.nnproxy.study.StudyOptimizer;
import io.github.nnproxy.study.plot.DistancePlot;
import io.github.nnproxy.study.plot.LandscapePlot;
import io.github.nnproxy.study.plot.ParityPlot;
import io.github.nnproxy.study.plot.StudyPlots;
import io.github.nnproxy.study.report.Cells;
import io.github.nnproxy.study.report.SeedFigures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data behind the study's plots, and that the plots are written. */
class StudyPlotsTest {
  @TempDir
  Path tmp;

  @Test
  void errorBarsNeverGoBelowZero() {
    assertArrayEquals(new double[] {0, 0.77 + 0.82}, DistancePlot.errorBar(
        new MeanStd(0.77, 0.82)), 1e-12);
    assertArrayEquals(new double[] {0.5, 1.5}, DistancePlot.errorBar(new MeanStd(1, 0.5)),
        1e-12);
    Random r = new Random(7);
    for (int i = 0; i < 1000; i++) {
      double[] v = new double[1 + r.nextInt(10)];
      for (int j = 0; j < v.length; j++) {
        v[j] = Math.abs(r.nextGaussian()) * Math.pow(10, r.nextInt(5) - 3);
      }
      double[] e = DistancePlot.errorBar(MeanStd.of(v));
      assertTrue(e[0] >= 0 && e[0] <= e[1], Arrays.toString(e));
    }
  }

  @Test
  void distanceBarsCarryTheSeedsPublishedFigures() {
    StudyOptimizer pso = new StudyOptimizer("pso", SeedColumn.PSO, new FixedOptimizer(0, 0));
    StudyOptimizer other = new StudyOptimizer("other", SeedColumn.NONE, new FixedOptimizer(0, 0));
    Cells cells = new Cells(List.of(cell("ackley", "dense-uniform", "pso", Objective.PROXY, 0.07),
        cell("ackley", "", "pso", Objective.TRUTH, 0.0)));
    List<DistancePlot.Bar> bars = DistancePlot.bars("ackley", 2, "dense-uniform",
        List.of(pso, other), cells, SeedFigures.published());
    assertEquals(0.07, bars.get(0).ours().mean(), 0.0);
    assertEquals(0.0285, bars.get(0).seed().orElseThrow().mean(), 1e-12); // the published PSO
    assertFalse(bars.get(0).seedDefective());
    assertFalse(bars.get(1).ours().present()); // no such cell
    assertTrue(bars.get(1).seed().isEmpty()); // no seed column
    List<DistancePlot.Bar> truth = DistancePlot.bars("ackley", 2, "", List.of(pso), cells,
        SeedFigures.published());
    assertEquals(0.0, truth.get(0).ours().mean(), 0.0);
    assertTrue(DistancePlot.bars("rastrigin", 10, "dense-uniform", List.of(pso), cells,
        SeedFigures.published()).get(0).seedDefective());
    // the axis holds the highest error bar, ours or the seed's
    assertTrue(DistancePlot.top(List.of(bars)) >= 0.0285 + 0.0);
  }

  @Test
  void theDistanceLegendGrowsBelowAPlotOfFixedHeight() throws IOException {
    List<StudyOptimizer> one = List.of(new StudyOptimizer("a", SeedColumn.PSO,
        new FixedOptimizer(0, 0)));
    List<StudyOptimizer> six = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      six.add(new StudyOptimizer("optimizer-with-a-long-name-" + k, SeedColumn.NONE,
          new FixedOptimizer(0, 0)));
    }
    Cells cells = new Cells(List.of(cell("ackley", "dense-uniform", "a", Objective.PROXY, 0.5)));
    List<String> schemes = List.of("dense-uniform", "sparse-uniform");
    BufferedImage small = png(DistancePlot.draw("ackley", new int[] {2}, schemes, one, 5, cells,
        tmp.resolve("one.png")));
    BufferedImage large = png(DistancePlot.draw("ackley", new int[] {2, 4}, schemes, six, 5,
        cells, tmp.resolve("six.png")));
    assertTrue(large.getHeight() > small.getHeight(), "the legend takes more rows");
    assertTrue(large.getWidth() > small.getWidth(), "more bars, a wider plot");
  }

  @Test
  void theLandscapeColourScaleResolvesTheMinimum() {
    BenchmarkFunction f = Benchmarks.rastrigin(2);
    double[] truth = f.evaluateAll(LandscapePlot.grid(f, 80));
    LandscapePlot.ColourScale s = LandscapePlot.ColourScale.of(truth, new double[0], truth, 0);
    double[] sorted = truth.clone();
    Arrays.sort(sorted);
    assertEquals(sorted[0], s.floor(), 0.0); // no grid point at x*: the lowest value
    assertEquals(sorted[sorted.length - 1], s.top(), 0.0);
    assertEquals(0, s.position(sorted[0]), 0.0);
    assertEquals(1, s.position(sorted[sorted.length - 1]), 0.0);
    assertEquals(0, s.position(-3), 0.0); // a proxy below f* takes the darkest colour
    // the lowest 10 % of the values spread over a good part of the map instead of one band
    double p1 = s.position(sorted[sorted.length / 100]);
    double p10 = s.position(sorted[sorted.length / 10]);
    assertTrue(p10 - p1 > 0.2, p1 + " " + p10);
    // an inset around x* extends the scale down, but at most INSET_DEPTH times
    double[] inset = f.evaluateAll(LandscapePlot.insetGrid(f.optimum(), 0.01));
    LandscapePlot.ColourScale deeper = LandscapePlot.ColourScale.of(truth, inset, truth, 0);
    assertEquals(sorted[0] / LandscapePlot.ColourScale.INSET_DEPTH, deeper.floor(), 1e-12);
  }

  @Test
  void theInsetHoldsEveryAnswerOrIsLeftOut() {
    double[] opt = {1, 1};
    List<RunRecord> near = List.of(run(1.03, 0.98), run(0.99, 1.0));
    double h = LandscapePlot.insetHalfWidth(opt, near, 4, 4);
    assertTrue(h >= 0.03, "holds the farthest answer: " + h);
    assertEquals(0, LandscapePlot.insetHalfWidth(opt, List.of(run(-1, 1)), 4, 4), 0.0);
    assertEquals(0, LandscapePlot.insetHalfWidth(opt, List.of(), 4, 4), 0.0);
    assertEquals(4 / 400.0, LandscapePlot.insetHalfWidth(opt, List.of(run(1, 1)), 4, 4), 0.0);
  }

  @Test
  void theParityZoomHoldsTheLowestTenthOfTheTrueValues() {
    double[] v = new double[500];
    for (int i = 0; i < v.length; i++) {
      v[v.length - 1 - i] = i + 1; // 500 .. 1
    }
    assertEquals(50, ParityPlot.zoomLimit(v), 0.0);
    assertEquals(20, ParityPlot.zoomLimit(Arrays.copyOfRange(v, 470, 500)), 0.0); // 30 .. 1
    assertEquals(3, ParityPlot.zoomLimit(new double[] {3, 1, 2}), 0.0);
    double[] r = ParityPlot.range(new double[] {2, 5}, new double[] {3, 9}, 0, 4);
    assertTrue(r[0] < 0 && r[1] > 9, Arrays.toString(r)); // every point and x*'s
    assertEquals(2.0, ParityPlot.bias(new double[] {1, 2}, new double[] {3, 4}), 0.0);
  }

  @Test
  void theParityPlotIsWritten() throws IOException {
    Random r = new Random(3);
    double[] truth = new double[300];
    double[] proxy = new double[300];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = 10_000 * r.nextDouble() * r.nextDouble();
      proxy[i] = truth[i] + 5 * r.nextGaussian();
    }
    BufferedImage img = png(ParityPlot.draw("test", truth, proxy, 0, 1.5,
        tmp.resolve("parity.png")));
    assertTrue(img.getWidth() > img.getHeight(), "two panels side by side");
  }

  @Test
  void trainingPointsAreThoseTheProxyWasTrainedOn() {
    BenchmarkFunction f = Benchmarks.ackley(2);
    List<double[]> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    ForwardModel recorder = ForwardModel.of(f.domain(), x -> {
      seen.add(x.clone());
      return f.evaluate(x);
    });
    SamplingScheme scheme = SamplingScheme.SPARSE_UNIFORM;
    Proxy proxy = StabilityStudyTest.FAST.train(recorder, SeedRecipes.sampler(scheme, f), 120, 99L);
    ProxyRecord p = new ProxyRecord("ackley", 2, scheme.label(), 120, 99L,
        tmp.resolve("p.nnproxy"), proxy.quality());
    double[][] drawn = StudyPlots.trainingPoints(f, p);
    assertEquals(120, drawn.length);
    java.util.Comparator<double[]> order = java.util.Comparator.<double[]>comparingDouble(
        x -> x[0]).thenComparingDouble(x -> x[1]);
    double[][] expected = seen.toArray(new double[0][]);
    Arrays.sort(expected, order);
    Arrays.sort(drawn, order);
    assertArrayEquals(expected, drawn);
  }

  private static BufferedImage png(Path file) throws IOException {
    assertTrue(Files.size(file) > 1000, file.toString());
    BufferedImage img = ImageIO.read(file.toFile());
    assertTrue(img != null && img.getWidth() > 400 && img.getHeight() > 300, file.toString());
    return img;
  }

  private static CellSummary cell(String f, String scheme, String optimizer, Objective o,
      double distance) {
    MeanStd m = new MeanStd(distance, 0.01);
    return new CellSummary(f, 2, scheme, optimizer, o, 5, m, m, MeanStd.NONE, m, 1, Double.NaN,
        Double.NaN);
  }

  private static RunRecord run(double x0, double x1) {
    double d = Math.hypot(x0 - 1, x1 - 1);
    return new RunRecord("rosenbrock", 2, "", "pso", 1, 1, Objective.TRUTH,
        new double[] {x0, x1}, d, 0, 0, 0, Double.NaN, Double.NaN, 10, true, Duration.ZERO);
  }
}
