package io.github.nnproxy.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract test of every benchmark function, plus values against reference-values.csv, computed
 * independently with numpy by reference_values.py (kept beside it). Tolerance 1e-9 relative.
 */
class BenchmarksTest {

  static Stream<BenchmarkFunction> all() {
    return Benchmarks.NAMES.stream().flatMap(n -> Stream.of(2, 4, 10)
        .map(d -> Benchmarks.byName(n, d)));
  }

  static Stream<Arguments> referenceValues() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        BenchmarksTest.class.getResourceAsStream("reference-values.csv")),
        StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",");
        double[] x = Arrays.stream(f[2].split(" ")).mapToDouble(Double::parseDouble).toArray();
        rows.add(Arguments.of(f[0], Integer.parseInt(f[1]), x, Double.parseDouble(f[3])));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1}-D")
  @MethodSource("referenceValues")
  void matchesIndependentlyComputedValues(String name, int d, double[] x, double expected) {
    double actual = Benchmarks.byName(name, d).evaluate(x);
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void optimumIsInTheDomainAndNoRandomPointIsLower(BenchmarkFunction f) {
    assertTrue(f.domain().contains(f.optimum()));
    assertEquals(f.optimalValue(), f.evaluate(f.optimum()), 1e-9);
    SplittableRandom r = new SplittableRandom(1);
    int d = f.domain().dimension();
    for (int i = 0; i < 2000; i++) {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = f.domain().lower(j) + r.nextDouble() * (f.domain().upper(j) - f.domain().lower(j));
      }
      assertTrue(f.evaluate(x) >= f.optimalValue() - 1e-9, f + " at " + Arrays.toString(x));
    }
    // a small step away from the optimum never improves it
    double[] near = f.optimum();
    near[0] += 1e-3;
    assertTrue(f.evaluate(near) > f.optimalValue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void rejectsWrongDimensionAndNan(BenchmarkFunction f) {
    int d = f.domain().dimension();
    assertThrows(IllegalArgumentException.class, () -> f.evaluate(new double[d + 1]));
    double[] nan = new double[d];
    nan[d - 1] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> f.evaluate(nan));
  }

  @Test
  void seedFunctionsHaveTheSeedsDomainsAndOptima() {
    assertEquals(Benchmarks.ackley(4).domain(), io.github.nnproxy.Domain.cube(4, -5, 5));
    assertEquals(Benchmarks.rastrigin(10).domain(), io.github.nnproxy.Domain.cube(10, -5.12, 5.12));
    assertEquals(Benchmarks.rosenbrock(2).domain(),
        io.github.nnproxy.Domain.cube(2, -2.048, 2.048));
    assertArrayEquals(new double[] {1, 1, 1, 1}, Benchmarks.rosenbrock(4).optimum());
    assertEquals(0.0, Benchmarks.ackley(10).optimalValue());
    assertEquals(0.0, Benchmarks.rastrigin(10).optimalValue());
  }

  @Test
  void rastriginSumsEveryCoordinateInTenDimensions() {
    // the seed's 10-D Rastrigin summed only x1..x4; the standard one sees x10 too
    double[] x = new double[10];
    x[9] = 0.5;
    assertEquals(20.25, Benchmarks.rastrigin(10).evaluate(x), 1e-12);
  }

  @Test
  void knownOptimaOfStyblinskiTangAndSchwefel() {
    assertEquals(-39.16616570377142, Benchmarks.styblinskiTang(1).optimalValue(), 1e-10);
    assertEquals(420.968746, Benchmarks.schwefel(2).optimum()[0], 1e-6);
    assertEquals(0.0, Benchmarks.schwefel(2).optimalValue(), 1e-4);
  }

  @Test
  void byNameRejectsUnknownNamesAndBadDimensions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Benchmarks.byName("himmelblau", 2));
    assertTrue(e.getMessage().contains("himmelblau"));
    assertThrows(IllegalArgumentException.class, () -> Benchmarks.rosenbrock(1));
    assertThrows(IllegalArgumentException.class, () -> Benchmarks.ackley(0));
    assertEquals("styblinski-tang", Benchmarks.byName("Styblinski_Tang", 2).name());
  }
}
