package io.github.nnproxy.jenetics;

import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.Seq;
import java.util.function.Function;

/**
 * The unevaluated members of a population, decoded to points: what an nnproxy {@code Evaluator}
 * scores, and how its scores go back in place (same size and order; evaluated members untouched).
 */
final class Unevaluated {
  private final Seq<Phenotype<DoubleGene, Double>> population;
  private final int[] index;
  private final double[][] points;

  private Unevaluated(Seq<Phenotype<DoubleGene, Double>> population, int[] index,
      double[][] points) {
    this.population = population;
    this.index = index;
    this.points = points;
  }

  static Unevaluated of(Seq<Phenotype<DoubleGene, Double>> population,
      Function<? super Genotype<DoubleGene>, double[]> decoder) {
    int size = population.size();
    int[] todo = new int[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (population.get(i).nonEvaluated()) {
        todo[n++] = i;
      }
    }
    double[][] xs = new double[n][];
    for (int k = 0; k < n; k++) {
      xs[k] = decoder.apply(population.get(todo[k]).genotype());
    }
    return new Unevaluated(population, java.util.Arrays.copyOf(todo, n), xs);
  }

  /** The number of members to evaluate. */
  int size() {
    return points.length;
  }

  /** The decoded points, one per unevaluated member, in population order. */
  double[][] points() {
    return points;
  }

  /** The population with {@code fitness[k]} given to the k-th unevaluated member. */
  ISeq<Phenotype<DoubleGene, Double>> withFitness(double[] fitness) {
    MSeq<Phenotype<DoubleGene, Double>> result = MSeq.ofLength(population.size());
    for (int i = 0; i < population.size(); i++) {
      result.set(i, population.get(i));
    }
    for (int k = 0; k < index.length; k++) {
      result.set(index[k], population.get(index[k]).withFitness(fitness[k]));
    }
    return result.toISeq();
  }
}
