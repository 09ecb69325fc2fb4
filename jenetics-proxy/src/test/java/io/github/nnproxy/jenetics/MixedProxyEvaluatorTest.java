package io.github.nnproxy.jenetics;

import io.github.nnproxy.CountingModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.manage.Source;
import io.github.nnproxy.manage.TaggedPoint;
import io.jenetics.DoubleGene;
import io.jenetics.Phenotype;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class MixedProxyEvaluatorTest {
  private static final ForwardModel TRUTH = Benchmarks.ackley(2);
  /** A stand-in proxy whose values never equal the truth's, so a wrong tag cannot pass. */
  private static final ForwardModel PROXY =
      ForwardModel.of(TRUTH.domain(), x -> TRUTH.evaluate(x) + 100);
  private static final Codec<double[], DoubleGene> CODEC = ProxyCodecs.of(TRUTH.domain());

  /** Runs a seeded, serial GA of 30 generations with the evaluator. */
  private static Phenotype<DoubleGene, Double> run(MixedProxyEvaluator evaluator, long seed) {
    Engine<DoubleGene, Double> engine = new Engine.Builder<>(evaluator, CODEC.encoding())
        .populationSize(20).minimizing().executor(Runnable::run).build();
    return RandomRegistry.with(RandomGeneratorFactory.of("L64X256MixRandom").create(seed),
        r -> engine.stream().limit(30).collect(EvolutionResult.toBestPhenotype()));
  }

  @Test
  void everyValueCarriesTheTagOfTheModelThatMadeIt() {
    MixedProxyEvaluator mixed = MixedProxyEvaluator.of(TRUTH, PROXY, CODEC, 0.25, 7L);
    run(mixed, 1L);
    List<TaggedPoint> log = mixed.log();
    assertTrue(log.size() > 100, "points scored: " + log.size());
    for (TaggedPoint p : log) {
      ForwardModel model = p.source() == Source.TRUTH ? TRUTH : PROXY;
      assertEquals(model.evaluate(p.x()), p.value(), p.toString());
    }
    assertEquals(mixed.truthEvaluations(), mixed.truthLog().size());
    assertEquals(mixed.truthEvaluations() + mixed.proxyEvaluations(), log.size());
    for (TaggedPoint p : mixed.truthLog()) {
      assertEquals(Source.TRUTH, p.source());
    }
  }

  @Test
  void eachGenerationSendsItsShareToTheTruthWithOneCallPerModel() {
    CountingModel truth = CountingModel.of(TRUTH);
    CountingModel proxy = CountingModel.of(PROXY);
    double share = 0.3;
    MixedProxyEvaluator mixed = MixedProxyEvaluator.of(truth, proxy, CODEC, share, 11L);
    run(mixed, 2L);
    Map<Long, int[]> perBatch = new HashMap<>(); // batch -> {truth, all}
    for (TaggedPoint p : mixed.log()) {
      int[] c = perBatch.computeIfAbsent(p.batch(), b -> new int[2]);
      c[0] += p.source() == Source.TRUTH ? 1 : 0;
      c[1]++;
    }
    assertEquals(mixed.batches(), perBatch.size());
    for (int[] c : perBatch.values()) {
      int floor = (int) Math.floor(share * c[1]);
      assertTrue(c[0] == floor || c[0] == floor + 1, c[0] + " of " + c[1]);
    }
    double observed = (double) mixed.truthEvaluations() / mixed.log().size();
    assertEquals(share, observed, 0.05);
    assertEquals(mixed.truthEvaluations(), truth.points());
    assertEquals(mixed.proxyEvaluations(), proxy.points());
    assertEquals(0, truth.singleCalls());
    assertTrue(truth.batchCalls() <= mixed.batches());
    assertTrue(proxy.batchCalls() <= mixed.batches());
  }

  @Test
  void sharesZeroAndOneUseOneModelOnly() {
    MixedProxyEvaluator none = MixedProxyEvaluator.of(TRUTH, PROXY, CODEC, 0, 1L);
    run(none, 3L);
    assertEquals(0, none.truthEvaluations());
    MixedProxyEvaluator all = MixedProxyEvaluator.of(TRUTH, PROXY, CODEC, 1, 1L);
    run(all, 3L);
    assertEquals(0, all.proxyEvaluations());
    assertEquals(all.log().size(), all.truthEvaluations());
  }

  @Test
  void onlyUnevaluatedPhenotypesAreScoredInTheSameOrder() {
    MixedProxyEvaluator mixed = MixedProxyEvaluator.of(TRUTH, PROXY, CODEC, 0.5, 5L);
    ISeq<Phenotype<DoubleGene, Double>> population = RandomRegistry.with(
        RandomGeneratorFactory.of("L64X256MixRandom").create(9),
        r -> ISeq.of(() -> Phenotype.<DoubleGene, Double>of(CODEC.encoding().newInstance(), 1),
            8));
    Phenotype<DoubleGene, Double> done = population.get(3).withFitness(-42.0);
    io.jenetics.util.MSeq<Phenotype<DoubleGene, Double>> m = population.copy();
    m.set(3, done);
    ISeq<Phenotype<DoubleGene, Double>> mixedIn = m.toISeq();
    ISeq<Phenotype<DoubleGene, Double>> out = mixed.eval(mixedIn);
    assertEquals(8, out.size());
    assertSame(done, out.get(3));
    assertEquals(7, mixed.log().size());
    int k = 0;
    for (int i = 0; i < 8; i++) {
      assertSame(mixedIn.get(i).genotype(), out.get(i).genotype());
      if (i != 3) {
        TaggedPoint p = mixed.log().get(k++);
        assertEquals(p.value(), out.get(i).fitness());
        assertEquals(java.util.Arrays.toString(CODEC.decode(out.get(i).genotype())),
            java.util.Arrays.toString(p.x()));
      }
    }
    assertEquals(out.asList(), mixed.eval(out).asList()); // nothing left to evaluate
    assertEquals(7, mixed.log().size());
  }

  @Test
  void sameSeedGivesTheSameRunAndAnotherSeedDiffers() {
    MixedProxyEvaluator a = MixedProxyEvaluator.of(TRUTH, PROXY, CODEC, 0.2, 13L);
    MixedProxyEvaluator b = MixedProxyEvaluator.of(TRUTH, PROXY, CODEC, 0.2, 13L);
    assertEquals(run(a, 4L), run(b, 4L));
    assertEquals(a.log(), b.log());
    MixedProxyEvaluator c = MixedProxyEvaluator.of(TRUTH, PROXY, CODEC, 0.2, 14L);
    run(c, 4L);
    assertNotEquals(a.log(), c.log());
  }

  @Test
  void rejectsBadArgumentsAndNaN() {
    assertThrows(IllegalArgumentException.class,
        () -> MixedProxyEvaluator.of(TRUTH, PROXY, CODEC, 1.5, 0L));
    assertThrows(IllegalArgumentException.class,
        () -> MixedProxyEvaluator.of(TRUTH, PROXY, CODEC, Double.NaN, 0L));
    assertThrows(IllegalArgumentException.class,
        () -> MixedProxyEvaluator.of(TRUTH, Benchmarks.ackley(3), CODEC, 0.5, 0L));
    assertThrows(NullPointerException.class,
        () -> MixedProxyEvaluator.of(TRUTH, PROXY, null, 0.5, 0L));
    assertThrows(NullPointerException.class,
        () -> MixedProxyEvaluator.of(TRUTH, PROXY, CODEC, 0.5, 0L).eval(null));
    ForwardModel nan = ForwardModel.of(TRUTH.domain(), x -> Double.NaN);
    MixedProxyEvaluator bad = MixedProxyEvaluator.of(TRUTH, nan, CODEC, 0, 0L);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(bad, 1L));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
  }
}
