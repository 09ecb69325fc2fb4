package io.github.nnproxy.jenetics;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.engine.Codec;

/**
 * Codecs that encode the points of a {@link Domain} as one Jenetics {@link DoubleChromosome}.
 *
 * <p>Jenetics requires every gene of a {@code DoubleChromosome} to share one range, and {@code
 * Codecs.ofVector(DoubleRange...)} works around that with one length-1 chromosome per coordinate,
 * which turns single-point and multi-point crossover into no-ops. The codec made here keeps the
 * whole point in <em>one</em> chromosome of {@code d} genes in {@code [0, 1)} and maps gene {@code
 * i} linearly onto coordinate {@code i}'s own bounds: {@code x[i] = lower(i) + u[i] * (upper(i) -
 * lower(i))}. So the initial population is uniform in the domain, crossover exchanges coordinates,
 * Jenetics' {@code Mutator} redraws a coordinate uniformly within its bounds, and every decoded
 * point lies in the domain.
 *
 * <p>Thread safety: the codecs are immutable and thread-safe; the encoding draws its genes from
 * {@code RandomRegistry.random()} of the calling thread, as all Jenetics factories do.
 *
 * <pre>{@code
 * Codec<double[], DoubleGene> codec = ProxyCodecs.of(Domain.of(new double[] {0, -1}, new double[] {1, 3}));
 * Engine<DoubleGene, Double> engine = Engine.builder(ProxyFitness.of(proxy), codec).minimizing().build();
 * double[] best = codec.decode(engine.stream().limit(100).collect(EvolutionResult.toBestGenotype()));
 * }</pre>
 */
public final class ProxyCodecs {
  private ProxyCodecs() {}

  /**
   * Returns a codec for the points of a domain: one {@code DoubleChromosome} of {@code
   * domain.dimension()} genes in {@code [0, 1)}, each decoded onto its own coordinate's bounds.
   *
   * @param domain the search domain
   * @return the codec; {@code decode} returns a new array in the domain on each call
   * @throws NullPointerException if {@code domain} is null
   */
  public static Codec<double[], DoubleGene> of(Domain domain) {
    nonNull(domain, "domain");
    int d = domain.dimension();
    double[] lower = domain.lower();
    double[] upper = domain.upper();
    double[] width = new double[d];
    for (int i = 0; i < d; i++) {
      width[i] = upper[i] - lower[i];
    }
    return Codec.of(
        () -> Genotype.of(DoubleChromosome.of(0.0, 1.0, d)),
        gt -> decode(gt, lower, upper, width));
  }

  /**
   * Returns a codec for the points of a model's domain; the same as {@code
   * of(model.domain())}.
   *
   * @param model the model whose domain is searched
   * @return the codec
   * @throws NullPointerException if {@code model} is null
   */
  public static Codec<double[], DoubleGene> of(ForwardModel model) {
    return of(nonNull(model, "model").domain());
  }

  private static double[] decode(
      Genotype<DoubleGene> gt, double[] lower, double[] upper, double[] width) {
    if (gt.length() != 1 || gt.chromosome().length() != lower.length) {
      throw new IllegalArgumentException(
          "genotype must hold 1 chromosome of "
              + lower.length
              + " genes, but held "
              + gt.length()
              + " chromosome(s) with "
              + gt.geneCount()
              + " genes; use the codec's own encoding()");
    }
    double[] x = new double[lower.length];
    for (int i = 0; i < x.length; i++) {
      double u = gt.chromosome().get(i).doubleValue();
      // rounding can push lower + u * width a hair above upper when u is just below 1
      x[i] = Math.min(upper[i], lower[i] + u * width[i]);
    }
    return x;
  }
}
