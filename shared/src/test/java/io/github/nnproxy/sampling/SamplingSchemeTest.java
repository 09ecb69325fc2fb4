package io.github.nnproxy.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SamplingSchemeTest {
  @Test
  void sampleSizesFollowTheSeed() {
    assertEquals(10_000, SamplingScheme.DENSE_UNIFORM.sampleSize(10_000));
    assertEquals(2_500, SamplingScheme.SPARSE_UNIFORM.sampleSize(10_000));
    assertEquals(10_000, SamplingScheme.GAUSSIAN.sampleSize(10_000));
    assertEquals(1, SamplingScheme.SPARSE_UNIFORM.sampleSize(1));
    assertThrows(IllegalArgumentException.class, () -> SamplingScheme.SOBOL.sampleSize(0));
  }

  @ParameterizedTest
  @EnumSource(SamplingScheme.class)
  void labelsParseBack(SamplingScheme s) {
    assertEquals(s, SamplingScheme.parse(s.label()));
    assertEquals(s, SamplingScheme.parse(s.name()));
  }

  @Test
  void shortNamesParse() {
    assertEquals(SamplingScheme.DENSE_UNIFORM, SamplingScheme.parse("dense"));
    assertEquals(SamplingScheme.LATIN_HYPERCUBE, SamplingScheme.parse("lhs"));
    assertThrows(IllegalArgumentException.class, () -> SamplingScheme.parse("grid"));
  }
}
