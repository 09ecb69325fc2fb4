package io.github.nnproxy.jenetics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.Benchmarks;
import io.jenetics.DoubleGene;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class ProxyAuditTest {

  /** A deliberately biased "proxy": the truth plus 0.1 * x0, so the difference is known. */
  private static final ForwardModel TRUTH = Benchmarks.sphere(2);

  private static final ForwardModel BIASED =
      ForwardModel.of(TRUTH.domain(), x -> TRUTH.evaluate(x) + 0.1 * x[0]);

  private static List<EvolutionResult<DoubleGene, Double>> run(ProxyAudit audit, long gens) {
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(BIASED);
    Engine<DoubleGene, Double> engine =
        Engine.builder(ProxyFitness.of(BIASED), codec)
            .populationSize(20)
            .minimizing()
            .executor(Runnable::run)
            .build();
    return RandomRegistry.with(
        RandomGeneratorFactory.of("L64X256MixRandom").create(1),
        r -> engine.stream().limit(gens).peek(audit).toList());
  }

  @Test
  void recordsEveryKthGenerationWithCorrectDifferences() {
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(BIASED);
    ProxyAudit audit = ProxyAudit.of(BIASED, TRUTH, codec, 5);
    List<EvolutionResult<DoubleGene, Double>> results = run(audit, 23);

    List<ProxyAudit.Entry> entries = audit.entries();
    assertEquals(List.of(5L, 10L, 15L, 20L), entries.stream().map(ProxyAudit.Entry::generation).toList());
    for (ProxyAudit.Entry e : entries) {
      EvolutionResult<DoubleGene, Double> r = results.get((int) e.generation() - 1);
      double[] x = codec.decode(r.bestPhenotype().genotype());
      assertArrayEquals(x, e.x());
      assertEquals(r.bestFitness(), e.proxyValue()); // the proxy value is the best fitness
      assertEquals(TRUTH.evaluate(x), e.trueValue());
      assertEquals(Math.abs(0.1 * x[0]), e.difference(), 1e-12);
    }
    assertEquals(entries.get(3), audit.latest().orElseThrow());
    assertEquals(
        entries.stream().mapToDouble(ProxyAudit.Entry::difference).max().orElseThrow(),
        audit.maxDifference());
  }

  @Test
  void everyGenerationByDefault() {
    ProxyAudit audit = ProxyAudit.of(BIASED, TRUTH, ProxyCodecs.of(BIASED));
    assertEquals(0, audit.maxDifference());
    assertTrue(audit.latest().isEmpty());
    run(audit, 7);
    assertEquals(7, audit.entries().size());
    assertEquals(1, audit.every());
  }

  @Test
  void isThreadSafe() throws Exception {
    ProxyAudit audit = ProxyAudit.of(BIASED, TRUTH, ProxyCodecs.of(BIASED), 1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> run(audit, 25)));
      }
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(100, audit.entries().size());
  }

  @Test
  void entryIsImmutable() {
    double[] x = {1, 2};
    ProxyAudit.Entry e = new ProxyAudit.Entry(3, x, 1.5, 2.0);
    x[0] = 99;
    e.x()[1] = 99;
    assertArrayEquals(new double[] {1, 2}, e.x());
    assertEquals(0.5, e.difference());
    assertEquals(new ProxyAudit.Entry(3, new double[] {1, 2}, 1.5, 2.0), e);
    assertNotEquals(new ProxyAudit.Entry(4, new double[] {1, 2}, 1.5, 2.0), e);
    assertEquals(
        "generation must be >= 0, but was -1",
        assertThrows(IllegalArgumentException.class, () -> new ProxyAudit.Entry(-1, x, 0, 0))
            .getMessage());
  }

  @Test
  void rejectsBadArguments() {
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(TRUTH);
    assertEquals(
        "every must be > 0, but was 0",
        assertThrows(IllegalArgumentException.class, () -> ProxyAudit.of(BIASED, TRUTH, codec, 0))
            .getMessage());
    IllegalArgumentException dims =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProxyAudit.of(BIASED, Benchmarks.sphere(3), codec, 1));
    assertTrue(dims.getMessage().contains("same dimension"), dims.getMessage());
    assertThrows(NullPointerException.class, () -> ProxyAudit.of(null, TRUTH, codec));
    assertThrows(NullPointerException.class, () -> ProxyAudit.of(BIASED, null, codec));
    assertThrows(NullPointerException.class, () -> ProxyAudit.of(BIASED, TRUTH, null));
    assertThrows(
        NullPointerException.class, () -> ProxyAudit.of(BIASED, TRUTH, codec).accept(null));
    assertThrows(
        NullPointerException.class, () -> new ProxyAudit.Entry(1, null, 0, 0));
    assertTrue(Domain.cube(2, -5.12, 5.12).equals(TRUTH.domain()));
  }
}
