package io.github.nnproxy.jenetics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.benchmark.Benchmarks;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.engine.Codec;
import io.jenetics.util.RandomRegistry;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class ProxyCodecsTest {

  private static final Domain BOX = Domain.of(new double[] {0, -100, 5}, new double[] {1, 100, 6});

  @Test
  void encodesOneChromosomeOfDimensionGenes() {
    Genotype<DoubleGene> gt = ProxyCodecs.of(BOX).encoding().newInstance();
    assertEquals(1, gt.length());
    assertEquals(3, gt.chromosome().length());
    assertTrue(gt.chromosome() instanceof DoubleChromosome);
    assertTrue(gt.isValid());
  }

  @Test
  void decodesEachCoordinateOntoItsOwnBounds() {
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(BOX);
    double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    RandomRegistry.using(
        RandomGeneratorFactory.of("L64X256MixRandom").create(1),
        r -> {
          for (int n = 0; n < 2000; n++) {
            double[] x = codec.decode(codec.encoding().newInstance());
            assertTrue(BOX.contains(x), () -> java.util.Arrays.toString(x));
            for (int i = 0; i < 3; i++) {
              lo[i] = Math.min(lo[i], x[i]);
              hi[i] = Math.max(hi[i], x[i]);
            }
          }
        });
    for (int i = 0; i < 3; i++) { // uniform over each coordinate's own range, not one range
      double w = BOX.upper(i) - BOX.lower(i);
      assertEquals(BOX.lower(i), lo[i], 0.01 * w);
      assertEquals(BOX.upper(i), hi[i], 0.01 * w);
    }
  }

  @Test
  void decodesGenesLinearly() {
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(BOX);
    Genotype<DoubleGene> gt =
        Genotype.of(
            DoubleChromosome.of(
                DoubleGene.of(0.0, 0, 1), DoubleGene.of(0.5, 0, 1), DoubleGene.of(0.25, 0, 1)));
    assertArrayEquals(new double[] {0, 0, 5.25}, codec.decode(gt), 1e-12);
  }

  @Test
  void decodedPointNeverExceedsUpperBound() {
    Domain d = Domain.cube(1, 0.1, 0.3);
    Genotype<DoubleGene> gt =
        Genotype.of(DoubleChromosome.of(DoubleGene.of(Math.nextDown(1.0), 0, 1)));
    assertTrue(d.contains(ProxyCodecs.of(d).decode(gt)));
  }

  @Test
  void ofModelUsesItsDomain() {
    Genotype<DoubleGene> gt =
        Genotype.of(DoubleChromosome.of(DoubleGene.of(0.5, 0, 1), DoubleGene.of(0.5, 0, 1)));
    assertArrayEquals(
        new double[] {0, 0}, ProxyCodecs.of(Benchmarks.sphere(2)).decode(gt), 1e-12);
  }

  @Test
  void rejectsForeignGenotype() {
    Genotype<DoubleGene> gt = Genotype.of(DoubleChromosome.of(0, 1, 2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProxyCodecs.of(BOX).decode(gt));
    assertTrue(e.getMessage().contains("3 genes"), e.getMessage());
  }

  @Test
  void rejectsNull() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> ProxyCodecs.of((Domain) null));
    assertEquals("domain must not be null", e.getMessage());
    assertThrows(
        NullPointerException.class, () -> ProxyCodecs.of((io.github.nnproxy.ForwardModel) null));
  }
}
