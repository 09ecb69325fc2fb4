package io.github.nnproxy.jenetics;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.jenetics.Alterer;
import io.jenetics.AltererResult;
import io.jenetics.Chromosome;
import io.jenetics.Gene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * pygad's {@code single_point_crossover} as a Jenetics {@link Alterer}: every offspring slot
 * becomes a child of the same two parents, child {@code k} taking its genes before a random cut
 * {@code c} in {@code [0, n)} from parent {@code k mod 2} and the rest from parent {@code (k+1) mod
 * 2}.
 *
 * <p>The parents are the first offspring slot and the first later slot whose genotype differs from
 * it (with {@code TruncationSelector(2)} as the offspring selector: the two best individuals, as
 * pygad's steady-state selection of 2 parents); if every slot holds the same genotype, the slots
 * are left as they are. Jenetics' own {@code SinglePointCrossover} instead pairs each slot with a
 * random other slot, so about half its pairs are two copies of one parent. Genes are counted over
 * all chromosomes in order; chromosome boundaries are kept.
 *
 * <p>Thread safety: immutable; randomness comes from {@code RandomRegistry.random()} of the
 * calling thread, as for all Jenetics alterers.
 *
 * @param <G> the gene type
 * @param <C> the fitness type
 */
public final class PairedSinglePointCrossover<G extends Gene<?, G>, C extends Comparable<? super C>>
    implements Alterer<G, C> {

  /** Creates the crossover. */
  public PairedSinglePointCrossover() {}

  @Override
  public AltererResult<G, C> alter(Seq<Phenotype<G, C>> population, long generation) {
    nonNull(population, "population");
    if (population.size() < 2) {
      return new AltererResult<>(ISeq.of(population), 0);
    }
    Genotype<G> first = population.get(0).genotype();
    Genotype<G> second = null;
    for (int i = 1; i < population.size() && second == null; i++) {
      if (!population.get(i).genotype().equals(first)) {
        second = population.get(i).genotype();
      }
    }
    if (second == null) {
      return new AltererResult<>(ISeq.of(population), 0);
    }
    List<G> a = flatten(first);
    List<G> b = flatten(second);
    RandomGenerator random = RandomRegistry.random();
    MSeq<Phenotype<G, C>> result = MSeq.ofLength(population.size());
    for (int k = 0; k < population.size(); k++) {
      List<G> head = k % 2 == 0 ? a : b;
      List<G> tail = k % 2 == 0 ? b : a;
      int cut = random.nextInt(a.size());
      List<G> child = new ArrayList<>(a.size());
      child.addAll(head.subList(0, cut));
      child.addAll(tail.subList(cut, tail.size()));
      result.set(k, Phenotype.of(rebuild(first, child), generation));
    }
    return new AltererResult<>(result.toISeq(), population.size());
  }

  private static <G extends Gene<?, G>> List<G> flatten(Genotype<G> gt) {
    List<G> genes = new ArrayList<>(gt.geneCount());
    for (Chromosome<G> c : gt) {
      for (G g : c) {
        genes.add(g);
      }
    }
    return genes;
  }

  private static <G extends Gene<?, G>> Genotype<G> rebuild(Genotype<G> shape, List<G> genes) {
    List<Chromosome<G>> chromosomes = new ArrayList<>(shape.length());
    int n = 0;
    for (Chromosome<G> c : shape) {
      chromosomes.add(c.newInstance(ISeq.of(genes.subList(n, n + c.length()))));
      n += c.length();
    }
    return Genotype.of(chromosomes);
  }

  @Override
  public String toString() {
    return "PairedSinglePointCrossover";
  }
}
