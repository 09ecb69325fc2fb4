package io.github.nnproxy.jenetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.jenetics.AltererResult;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.Codec;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomShiftMutatorTest {

  @ParameterizedTest
  @CsvSource({"2, 1", "4, 1", "10, 1", "20, 2", "35, 3"})
  void mutatesPygadsNumberOfGenes(int d, int expected) {
    assertEquals(expected, RandomShiftMutator.pygad(Domain.cube(d, 0, 1)).genesPerIndividual(d));
  }

  @Test
  void shiftsExactlyKCoordinatesByAtMostShiftAndStaysInTheDomain() {
    Domain domain = Domain.of(new double[] {-5, 0, 100}, new double[] {5, 2, 101});
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(domain);
    RandomShiftMutator<Double> m = RandomShiftMutator.of(domain, 70, 1.0); // 2 of 3 genes
    RandomRegistry.using(
        RandomGeneratorFactory.of("L64X256MixRandom").create(3),
        r -> {
          ISeq<Phenotype<DoubleGene, Double>> pop =
              ISeq.of(() -> Phenotype.<DoubleGene, Double>of(codec.encoding().newInstance(), 1, 0.0), 500);
          AltererResult<DoubleGene, Double> out = m.alter(pop, 2);
          assertEquals(500 * 2, out.alterations());
          int[] changedPerCoordinate = new int[3];
          for (int p = 0; p < pop.size(); p++) {
            Phenotype<DoubleGene, Double> after = out.population().get(p);
            assertTrue(after.nonEvaluated());
            assertEquals(2, after.generation());
            assertTrue(after.genotype().isValid());
            double[] x0 = codec.decode(pop.get(p).genotype());
            double[] x1 = codec.decode(after.genotype());
            assertTrue(domain.contains(x1));
            int changed = 0;
            for (int i = 0; i < 3; i++) {
              if (x0[i] != x1[i]) {
                changed++;
                changedPerCoordinate[i]++;
              }
              assertTrue(Math.abs(x1[i] - x0[i]) <= 1.0 + 1e-9, () -> x0[0] + " -> " + x1[0]);
            }
            assertTrue(changed <= 2); // a shift clamped at a bound may leave a coordinate equal
          }
          for (int c : changedPerCoordinate) {
            assertTrue(c > 200, () -> java.util.Arrays.toString(changedPerCoordinate));
          }
        });
  }

  @Test
  void clampsBelowTheGenesMaxSoTheGeneStaysValid() {
    Domain domain = Domain.cube(1, 0, 1);
    RandomShiftMutator<Double> m = RandomShiftMutator.of(domain, 100, 1000.0);
    Genotype<DoubleGene> gt = Genotype.of(DoubleChromosome.of(DoubleGene.of(0.5, 0, 1)));
    for (int i = 0; i < 50; i++) {
      Genotype<DoubleGene> after =
          m.alter(ISeq.of(Phenotype.<DoubleGene, Double>of(gt, 1, 0.0)), 1).population().get(0).genotype();
      assertTrue(after.isValid(), after::toString);
    }
  }

  @Test
  void worksWithOneChromosomePerCoordinate() {
    Domain domain = Domain.of(new double[] {0, 10}, new double[] {1, 20});
    Genotype<DoubleGene> gt =
        Genotype.of(DoubleChromosome.of(0.0, 1.0), DoubleChromosome.of(10.0, 20.0));
    RandomShiftMutator<Double> m = RandomShiftMutator.of(domain, 100, 0.5);
    Genotype<DoubleGene> after =
        m.alter(ISeq.of(Phenotype.<DoubleGene, Double>of(gt, 1, 0.0)), 1).population().get(0).genotype();
    assertEquals(2, after.length());
    for (int c = 0; c < 2; c++) {
      assertTrue(Math.abs(after.get(c).gene().doubleValue() - gt.get(c).gene().doubleValue()) <= 0.5);
    }
  }

  @Test
  void rejectsBadArguments() {
    Domain d = Domain.cube(2, 0, 1);
    assertEquals(
        "percentGenes must be in (0, 100], but was 0.0",
        assertThrows(IllegalArgumentException.class, () -> RandomShiftMutator.of(d, 0, 1))
            .getMessage());
    assertEquals(
        "shift must be finite and > 0, but was NaN",
        assertThrows(IllegalArgumentException.class, () -> RandomShiftMutator.of(d, 10, Double.NaN))
            .getMessage());
    assertThrows(NullPointerException.class, () -> RandomShiftMutator.pygad(null));
    Genotype<DoubleGene> three = Genotype.of(DoubleChromosome.of(0, 1, 3));
    RandomShiftMutator<Double> m = RandomShiftMutator.pygad(d);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> m.alter(ISeq.of(Phenotype.<DoubleGene, Double>of(three, 1)), 1));
    assertTrue(e.getMessage().contains("dimension 2"), e.getMessage());
  }
}
