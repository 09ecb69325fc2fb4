package io.github.nnproxy.jenetics;

import io.github.nnproxy.proxy.ProxyTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.Benchmarks;
import io.jenetics.DoubleGene;
import io.jenetics.Phenotype;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyFitnessTest {

  @Test
  void fitnessIsTheModelValue() {
    ForwardModel f = Benchmarks.rastrigin(2);
    double[] x = {0.3, -1.2};
    assertEquals(f.evaluate(x), ProxyFitness.of(f).apply(x));
  }

  @Test
  void driveToZeroIsTheSeedFitness() {
    ForwardModel f = ForwardModel.of(Domain.cube(1, -1, 1), x -> -2.0);
    assertEquals(1.0 / (2.0 + 1e-6), ProxyFitness.driveToZero(f).apply(new double[] {0}));
  }

  @Test
  void staysCorrectUnderJeneticsDefaultConcurrentEvaluation() {
    ForwardModel proxy = ProxyTestSupport.smallAckleyProxy();
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(proxy);
    Engine<DoubleGene, Double> engine =
        Engine.builder(ProxyFitness.of(proxy), codec).populationSize(200).minimizing().build();
    List<EvolutionResult<DoubleGene, Double>> results = engine.stream().limit(20).toList();
    for (EvolutionResult<DoubleGene, Double> r : results) {
      for (Phenotype<DoubleGene, Double> p : r.population()) {
        assertEquals(proxy.evaluate(codec.decode(p.genotype())), p.fitness());
      }
    }
  }

  @Test
  void rejectsNaNFromTheModel() {
    ForwardModel nan = ForwardModel.of(Domain.cube(1, -1, 1), x -> Double.NaN);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> ProxyFitness.of(nan).apply(new double[] {0.5}));
    assertTrue(e.getMessage().contains("NaN at x = [0.5]"), e.getMessage());
  }

  @Test
  void rejectsWrongDimension() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ProxyFitness.of(Benchmarks.sphere(2)).apply(new double[] {1}));
  }

  @Test
  void rejectsNull() {
    assertEquals(
        "model must not be null",
        assertThrows(NullPointerException.class, () -> ProxyFitness.of(null)).getMessage());
    assertThrows(NullPointerException.class, () -> ProxyFitness.driveToZero(null));
  }
}
