package io.github.nnproxy.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every builder setting reaches the study, and bad input is refused with a message naming it. */
class StabilityStudyBuilderTest {
  static final Optimizer OPT = new SearchOptimizer("search", 10, 0);

  static StabilityStudy.Builder valid() {
    return StabilityStudy.builder().functions("sphere").optimizer(OPT);
  }

  @Test
  void sampledTruthWrapsTheFunctionTheStudySamples() {
    io.github.nnproxy.benchmark.BenchmarkFunction f = Benchmarks.sphere(2);
    assertSame(f, valid().build().sampledTruth(f));
    io.github.nnproxy.ForwardModel wrapped =
        io.github.nnproxy.ForwardModel.of(f.domain(), f::evaluate);
    assertSame(wrapped, valid().sampledTruth(m -> wrapped).build().sampledTruth(f));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> valid().sampledTruth(m -> Benchmarks.sphere(3)).build().sampledTruth(f));
    assertTrue(e.getMessage().contains("domain"), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> valid().sampledTruth(m -> null).build().sampledTruth(f));
    assertThrows(NullPointerException.class, () -> valid().sampledTruth(null));
  }

  @Test
  void hasTheSeedStudysDefaults() {
    StabilityStudy s = valid().build();
    assertArrayEquals(new int[] {2, 4, 10}, s.dimensions());
    assertEquals(List.of(SamplingScheme.DENSE_UNIFORM, SamplingScheme.SPARSE_UNIFORM,
        SamplingScheme.GAUSSIAN), s.schemes());
    assertEquals(10, s.seeds().length);
    assertEquals(10_000, s.baseSize());
    assertEquals(ProxyTrainer.defaults(), s.trainer(Benchmarks.sphere(2)));
    assertTrue(s.plots());
  }

  @Test
  void eachSettingChangesTheStudy() {
    StudyListener l = new StudyListener() {};
    StabilityStudy s = StabilityStudy.builder()
        .functions("ackley").function(Benchmarks::rastrigin)
        .dimensions(3).schemes(SamplingScheme.SOBOL)
        .optimizer(OPT, SeedColumn.PSO).optimizer(new StudyOptimizer("b", SeedColumn.GA, OPT))
        .seeds(5, 6).proxySeed(9).trainer(SeedRecipes::trainer).baseSize(800).threads(3)
        .output(Path.of("x")).listener(l).plots(false).parityPoints(12).plotResolution(20)
        .build();
    assertEquals(List.of("ackley", "rastrigin"), s.functionNames());
    assertArrayEquals(new int[] {3}, s.dimensions());
    assertEquals(List.of(SamplingScheme.SOBOL), s.schemes());
    assertEquals(List.of("search", "b"), s.optimizers().stream().map(StudyOptimizer::label)
        .toList());
    assertEquals(SeedColumn.PSO, s.optimizers().get(0).column());
    assertArrayEquals(new long[] {5, 6}, s.seeds());
    assertEquals(9, s.proxySeed());
    assertEquals(SeedRecipes.trainer(Benchmarks.ackley(3)), s.trainer(Benchmarks.ackley(3)));
    assertEquals(800, s.baseSize());
    assertEquals(3, s.threads());
    assertEquals(Path.of("x"), s.output());
    assertSame(l, s.listener());
    assertFalse(s.plots());
    assertEquals(12, s.parityPoints());
    assertEquals(20, s.plotResolution());
  }

  @Test
  void rejectsAStudyWithoutFunctions() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> StabilityStudy.builder().optimizer(OPT).build());
    assertTrue(e.getMessage().contains("functions"), e.getMessage());
  }

  @Test
  void rejectsAStudyWithoutOptimizers() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> StabilityStudy.builder().functions("sphere").build());
    assertTrue(e.getMessage().contains("optimizers"), e.getMessage());
  }

  @Test
  void rejectsBadValuesNamingThem() {
    var b = valid();
    assertMessage("baseSize", assertThrows(IllegalArgumentException.class, () -> b.baseSize(39)));
    assertMessage("seeds", assertThrows(IllegalArgumentException.class, () -> b.seeds()));
    assertMessage("seeds", assertThrows(IllegalArgumentException.class, () -> b.seeds(1, 1)));
    assertMessage("threads", assertThrows(IllegalArgumentException.class, () -> b.threads(0)));
    assertMessage("dimension", assertThrows(IllegalArgumentException.class,
        () -> b.dimensions(2, -1)));
    assertMessage("dimensions", assertThrows(IllegalArgumentException.class, () -> b.dimensions()));
    assertMessage("schemes", assertThrows(IllegalArgumentException.class, () -> b.schemes()));
    assertMessage("name", assertThrows(IllegalArgumentException.class,
        () -> b.functions("nope")));
    assertMessage("parityPoints", assertThrows(IllegalArgumentException.class,
        () -> b.parityPoints(0)));
    assertMessage("plotResolution", assertThrows(IllegalArgumentException.class,
        () -> b.plotResolution(5)));
    assertMessage("label", assertThrows(IllegalArgumentException.class,
        () -> new StudyOptimizer("a,b", SeedColumn.NONE, OPT)));
  }

  @Test
  void rejectsNullsNamingThem() {
    var b = valid();
    assertMessage("output", assertThrows(NullPointerException.class, () -> b.output(null)));
    assertMessage("trainer", assertThrows(NullPointerException.class, () -> b.trainer(null)));
    assertMessage("listener", assertThrows(NullPointerException.class, () -> b.listener(null)));
    assertMessage("optimizer", assertThrows(NullPointerException.class,
        () -> b.optimizer((Optimizer) null)));
    assertMessage("factory", assertThrows(NullPointerException.class, () -> b.function(null)));
    assertMessage("name", assertThrows(NullPointerException.class,
        () -> b.functions("sphere", null)));
  }

  @Test
  void rejectsDuplicateLabelsAndColumns() {
    var b = valid();
    assertMessage("search", assertThrows(IllegalArgumentException.class, () -> b.optimizer(OPT)));
    b.optimizer(new SearchOptimizer("p1", 1, 0), SeedColumn.PSO);
    assertMessage("PSO", assertThrows(IllegalArgumentException.class,
        () -> b.optimizer(new SearchOptimizer("p2", 1, 0), SeedColumn.PSO)));
    assertMessage("sphere", assertThrows(IllegalArgumentException.class,
        () -> b.functions("sphere").build()));
  }

  @Test
  void rejectsAFunctionMissingInADimension() {
    var b = StabilityStudy.builder().functions("rosenbrock").dimensions(1).optimizer(OPT);
    assertMessage("d must be >= 2", assertThrows(IllegalArgumentException.class, b::build));
  }

  @Test
  void rejectsAFunctionNameUnfitForFileNames() {
    var sphere = Benchmarks.sphere(2);
    var badName = new io.github.nnproxy.benchmark.BenchmarkFunction() {
      @Override
      public String name() {
        return "a/b";
      }

      @Override
      public double[] optimum() {
        return sphere.optimum();
      }

      @Override
      public double optimalValue() {
        return 0;
      }

      @Override
      public io.github.nnproxy.Domain domain() {
        return sphere.domain();
      }

      @Override
      public double evaluate(double[] x) {
        return sphere.evaluate(x);
      }
    };
    var b = StabilityStudy.builder().function(d -> badName).dimensions(2).optimizer(OPT);
    assertMessage("a/b", assertThrows(IllegalArgumentException.class, b::build));
  }

  static void assertMessage(String expected, Exception e) {
    assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' lacks '"
        + expected + "'");
  }
}
