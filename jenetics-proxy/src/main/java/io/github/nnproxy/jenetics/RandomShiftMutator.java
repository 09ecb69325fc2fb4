package io.github.nnproxy.jenetics;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.internal.Requires;
import io.jenetics.Alterer;
import io.jenetics.AltererResult;
import io.jenetics.Chromosome;
import io.jenetics.DoubleGene;
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
 * pygad's default {@code "random"} mutation as a Jenetics {@link Alterer}: every individual it is
 * given gets a fixed number of distinct, randomly chosen coordinates shifted by {@code U(-shift,
 * shift)}, in the domain's own units.
 *
 * <p>pygad mutates {@code floor(percentGenes * d / 100)} genes of every offspring (at least one)
 * by adding {@code U(-1, 1)}. Jenetics' {@code Mutator} instead draws genes independently with a
 * probability and <em>replaces</em> them with a uniform value over the whole range, so the two
 * explore very differently. This alterer keeps pygad's semantics, with one deliberate difference:
 * a shifted coordinate is clamped to the domain (pygad leaves its genes unbounded after the
 * initial population), so every individual stays a valid point of the domain.
 *
 * <p>The shift is given in domain units and converted to each gene's own range, so it works with
 * {@link ProxyCodecs} (unit genes) and with codecs whose genes hold the coordinates themselves.
 * Gene {@code i}, counted over all chromosomes in order, is coordinate {@code i}.
 *
 * <p>Thread safety: immutable; randomness comes from {@code RandomRegistry.random()} of the
 * calling thread, as for all Jenetics alterers.
 *
 * <pre>{@code
 * Codec<double[], DoubleGene> codec = ProxyCodecs.of(domain);
 * Engine<DoubleGene, Double> engine = Engine.builder(ProxyFitness.of(proxy), codec)
 *     .minimizing()
 *     .alterers(new SinglePointCrossover<>(1.0), RandomShiftMutator.pygad(domain))
 *     .build();
 * }</pre>
 *
 * @param <C> the fitness type
 */
public final class RandomShiftMutator<C extends Comparable<? super C>>
    implements Alterer<DoubleGene, C> {

  private final double[] width;
  private final double percentGenes;
  private final double shift;

  private RandomShiftMutator(Domain domain, double percentGenes, double shift) {
    nonNull(domain, "domain");
    if (!(percentGenes > 0 && percentGenes <= 100)) {
      throw new IllegalArgumentException(
          "percentGenes must be in (0, 100], but was " + percentGenes);
    }
    Requires.positive(shift, "shift");
    this.width = new double[domain.dimension()];
    for (int i = 0; i < width.length; i++) {
      width[i] = domain.upper(i) - domain.lower(i);
    }
    this.percentGenes = percentGenes;
    this.shift = shift;
  }

  /**
   * Returns a mutator that shifts {@code max(1, floor(percentGenes * d / 100))} distinct
   * coordinates of every individual by {@code U(-shift, shift)} and clamps them to the domain.
   *
   * @param domain the domain the genotypes encode (for the coordinate widths)
   * @param percentGenes the percentage of genes to mutate, in {@code (0, 100]}
   * @param shift the half-width of the uniform shift, in domain units, finite and {@code > 0}
   * @param <C> the fitness type
   * @return the mutator
   * @throws NullPointerException if {@code domain} is null
   * @throws IllegalArgumentException if {@code percentGenes} or {@code shift} is out of range
   */
  public static <C extends Comparable<? super C>> RandomShiftMutator<C> of(
      Domain domain, double percentGenes, double shift) {
    return new RandomShiftMutator<>(domain, percentGenes, shift);
  }

  /**
   * Returns pygad's defaults: 10% of the genes (at least one), shifted by {@code U(-1, 1)}.
   *
   * @param domain the domain the genotypes encode
   * @param <C> the fitness type
   * @return the mutator
   * @throws NullPointerException if {@code domain} is null
   */
  public static <C extends Comparable<? super C>> RandomShiftMutator<C> pygad(Domain domain) {
    return of(domain, 10, 1.0);
  }

  /**
   * Returns how many genes this mutator changes in each individual of {@code d} genes.
   *
   * @param d the number of genes
   * @return {@code max(1, floor(percentGenes * d / 100))}, at most {@code d}
   */
  public int genesPerIndividual(int d) {
    return Math.min(d, Math.max(1, (int) Math.floor(percentGenes * d / 100.0)));
  }

  @Override
  public AltererResult<DoubleGene, C> alter(Seq<Phenotype<DoubleGene, C>> population, long generation) {
    nonNull(population, "population");
    RandomGenerator random = RandomRegistry.random();
    MSeq<Phenotype<DoubleGene, C>> result = MSeq.ofLength(population.size());
    int alterations = 0;
    for (int p = 0; p < population.size(); p++) {
      Genotype<DoubleGene> gt = population.get(p).genotype();
      DoubleGene[] genes = flatten(gt);
      int k = genesPerIndividual(genes.length);
      int[] index = new int[genes.length];
      for (int i = 0; i < index.length; i++) {
        index[i] = i;
      }
      for (int j = 0; j < k; j++) { // partial Fisher-Yates: k distinct genes
        int r = j + random.nextInt(index.length - j);
        int t = index[j];
        index[j] = index[r];
        index[r] = t;
        genes[index[j]] = shifted(genes[index[j]], index[j], random);
      }
      result.set(p, Phenotype.of(rebuild(gt, genes), generation));
      alterations += k;
    }
    return new AltererResult<>(result.toISeq(), alterations);
  }

  private DoubleGene shifted(DoubleGene g, int i, RandomGenerator random) {
    double lo = g.min();
    double hi = g.max();
    double delta = (random.nextDouble() * 2 - 1) * shift * (hi - lo) / width[i];
    // a DoubleGene is valid only below its max; an invalid one would be replaced at random
    return g.newInstance(Math.max(lo, Math.min(Math.nextDown(hi), g.doubleValue() + delta)));
  }

  private DoubleGene[] flatten(Genotype<DoubleGene> gt) {
    if (gt.geneCount() != width.length) {
      throw new IllegalStateException(
          "genotype has "
              + gt.geneCount()
              + " genes but the mutator's domain has dimension "
              + width.length
              + "; build the mutator with the domain the codec encodes");
    }
    DoubleGene[] genes = new DoubleGene[gt.geneCount()];
    int n = 0;
    for (Chromosome<DoubleGene> c : gt) {
      for (DoubleGene g : c) {
        genes[n++] = g;
      }
    }
    return genes;
  }

  private static Genotype<DoubleGene> rebuild(Genotype<DoubleGene> gt, DoubleGene[] genes) {
    List<Chromosome<DoubleGene>> chromosomes = new ArrayList<>(gt.length());
    int n = 0;
    for (Chromosome<DoubleGene> c : gt) {
      chromosomes.add(c.newInstance(ISeq.of(genes).subSeq(n, n + c.length())));
      n += c.length();
    }
    return Genotype.of(chromosomes);
  }

  @Override
  public String toString() {
    return "RandomShiftMutator[percentGenes=" + percentGenes + ", shift=" + shift + "]";
  }
}
