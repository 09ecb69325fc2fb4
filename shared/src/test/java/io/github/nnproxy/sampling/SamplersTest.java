package io.github.nnproxy.sampling;

import io.github.nnproxy.paper.SeedRecipes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.benchmark.Benchmarks;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SamplersTest {
  private static final Domain BOX = Domain.of(new double[] {-5, 0, 10}, new double[] {5, 1, 20});

  static Stream<Sampler> inDomainSamplers() {
    return Stream.of(Samplers.uniform(), Samplers.latinHypercube(), Samplers.sobol(),
        Samplers.truncatedGaussian(new double[] {0, 0.5, 15}, new double[] {3, 1, 2}));
  }

  static Stream<Sampler> allSamplers() {
    return Stream.concat(inDomainSamplers(),
        Stream.of(Samplers.gaussian(new double[] {0, 0.5, 15}, new double[] {3, 1, 2})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allSamplers")
  void sameSeedGivesSameSamplesAndOtherSeedOthers(Sampler s) {
    double[][] a = s.sample(BOX, 100, 7L);
    double[][] b = s.sample(BOX, 100, 7L);
    double[][] c = s.sample(BOX, 100, 8L);
    assertEquals(100, a.length);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i]);
    }
    assertFalse(java.util.Arrays.equals(a[5], c[5]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inDomainSamplers")
  void pointsLieInTheDomain(Sampler s) {
    for (double[] x : s.sample(BOX, 2000, 3L)) {
      assertTrue(BOX.contains(x));
    }
  }

  @Test
  void latinHypercubeHitsEveryStratumOnce() {
    int n = 50;
    double[][] xs = Samplers.latinHypercube().sample(BOX, n, 11L);
    for (int j = 0; j < BOX.dimension(); j++) {
      boolean[] seen = new boolean[n];
      for (double[] x : xs) {
        int k = (int) ((x[j] - BOX.lower(j)) / (BOX.upper(j) - BOX.lower(j)) * n);
        assertFalse(seen[k], "stratum " + k + " twice in coordinate " + j);
        seen[k] = true;
      }
    }
  }

  @Test
  void uniformAndSobolCoverTheBoxEvenly() {
    for (Sampler s : new Sampler[] {Samplers.uniform(), Samplers.sobol()}) {
      double[][] xs = s.sample(Domain.cube(2, 0, 1), 4000, 5L);
      int[] quadrant = new int[4];
      for (double[] x : xs) {
        quadrant[(x[0] < 0.5 ? 0 : 1) + (x[1] < 0.5 ? 0 : 2)]++;
      }
      for (int q : quadrant) {
        assertEquals(1000, q, 100, s.toString());
      }
    }
  }

  @Test
  void gaussianHasTheSeedsMomentsAndIsNotClipped() {
    double[][] xs = SeedRecipes.sampler(SamplingScheme.GAUSSIAN, Benchmarks.ackley(2))
        .sample(Domain.cube(2, -5, 5), 20_000, 1L);
    double mean = 0;
    double sq = 0;
    int outside = 0;
    for (double[] x : xs) {
      mean += x[0];
      sq += x[0] * x[0];
      if (!Domain.cube(2, -5, 5).contains(x)) {
        outside++;
      }
    }
    mean /= xs.length;
    double sd = Math.sqrt(sq / xs.length - mean * mean);
    assertEquals(0, mean, 0.05);
    assertEquals(5.0 / 3, sd, 0.03);
    // P(|z| > 3) = 0.27% per coordinate: about 108 of 20,000 points fall outside in 2-D
    assertTrue(outside > 50 && outside < 200, "outside: " + outside);
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> Samplers.uniform().sample(BOX, 0, 1L));
    assertThrows(NullPointerException.class, () -> Samplers.uniform().sample(null, 1, 1L));
    assertThrows(IllegalArgumentException.class,
        () -> Samplers.gaussian(new double[] {0}, new double[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> Samplers.gaussian(new double[] {Double.NaN}, new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> Samplers.gaussian(new double[] {0, 0}, new double[] {1}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Samplers.gaussian(new double[] {0, 0}, new double[] {1, 1}).sample(BOX, 5, 1L));
    assertTrue(e.getMessage().contains("dimension"));
    assertThrows(IllegalArgumentException.class,
        () -> Samplers.truncatedGaussian(new double[] {100, 0.5, 15}, new double[] {1, 1, 1})
            .sample(BOX, 5, 1L));
  }
}
