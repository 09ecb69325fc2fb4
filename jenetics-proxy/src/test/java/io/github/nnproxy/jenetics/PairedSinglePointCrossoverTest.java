package io.github.nnproxy.jenetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenetics.AltererResult;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class PairedSinglePointCrossoverTest {
  private static Genotype<DoubleGene> genotype(double... values) {
    List<DoubleGene> genes = new ArrayList<>();
    for (double v : values) {
      genes.add(DoubleGene.of(v, 0.0, 1.0));
    }
    return Genotype.of(DoubleChromosome.of(genes));
  }

  private static double[] values(Genotype<DoubleGene> gt) {
    return gt.chromosome().stream().mapToDouble(DoubleGene::doubleValue).toArray();
  }

  private static AltererResult<DoubleGene, Double> alter(ISeq<Phenotype<DoubleGene, Double>> pool, long seed) {
    return RandomRegistry.with(RandomGeneratorFactory.of("L64X256MixRandom").create(seed),
        r -> new PairedSinglePointCrossover<DoubleGene, Double>().alter(pool, 1));
  }

  @Test
  void everyChildIsAHeadOfOneParentAndTheTailOfTheOther() {
    double[] a = {0.1, 0.2, 0.3, 0.4, 0.5};
    double[] b = {0.6, 0.7, 0.8, 0.9, 0.95};
    List<Phenotype<DoubleGene, Double>> slots = new ArrayList<>();
    for (int k = 0; k < 9; k++) { // TruncationSelector(2)'s pool: copies of the two best
      slots.add(Phenotype.of(k % 2 == 0 ? genotype(a) : genotype(b), 0));
    }
    AltererResult<DoubleGene, Double> result = alter(ISeq.of(slots), 5L);
    assertEquals(9, result.population().size());
    boolean sawMix = false;
    for (int k = 0; k < 9; k++) {
      double[] head = k % 2 == 0 ? a : b;
      double[] tail = k % 2 == 0 ? b : a;
      double[] child = values(result.population().get(k).genotype());
      int cut = 0;
      while (cut < child.length && child[cut] == head[cut]) {
        cut++;
      }
      for (int j = cut; j < child.length; j++) {
        assertEquals(tail[j], child[j], "child " + k + " gene " + j);
      }
      sawMix |= cut > 0 && cut < child.length;
    }
    assertTrue(sawMix, "some child mixes both parents");
  }

  @Test
  void sameSeedSameChildrenAndIdenticalSlotsAreLeftAlone() {
    List<Phenotype<DoubleGene, Double>> slots = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      slots.add(Phenotype.of(genotype(k % 2 == 0 ? 0.1 : 0.9, 0.5, k % 2 == 0 ? 0.2 : 0.8), 0));
    }
    var one = alter(ISeq.of(slots), 9L).population();
    var two = alter(ISeq.of(slots), 9L).population();
    for (int k = 0; k < 4; k++) {
      assertEquals(one.get(k).genotype(), two.get(k).genotype());
    }
    List<Phenotype<DoubleGene, Double>> same = List.of(
        Phenotype.of(genotype(0.3, 0.3), 0), Phenotype.of(genotype(0.3, 0.3), 0));
    assertEquals(0, alter(ISeq.of(same), 1L).alterations());
  }
}
