package io.github.nnproxy.jenetics;

import io.github.nnproxy.proxy.ProxyTestSupport;
import io.github.nnproxy.CountingModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.Benchmarks;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Engine;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.github.nnproxy.proxy.Proxy;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class ProxyEvaluatorTest {

  private static final int GENERATIONS = 30;

  /** Every generation's population fitness, in order, of a seeded run of the given builder. */
  private static List<List<Double>> history(Engine.Builder<DoubleGene, Double> builder) {
    Engine<DoubleGene, Double> engine =
        builder.populationSize(20).minimizing().executor(Runnable::run).build();
    return RandomRegistry.with(
        RandomGeneratorFactory.of("L64X256MixRandom").create(7),
        r ->
            engine.stream()
                .limit(GENERATIONS)
                .map(er -> er.population().map(Phenotype::fitness).asList())
                .toList());
  }

  @Test
  void batchedAndOneByOneGiveIdenticalFitness() {
    Proxy proxy = ProxyTestSupport.smallAckleyProxy();
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(proxy);
    Function<double[], Double> oneByOne = ProxyFitness.of(proxy);
    CountingModel counting = CountingModel.of(proxy);
    ISeq<Phenotype<DoubleGene, Double>> pop =
        RandomRegistry.with(
            RandomGeneratorFactory.of("L64X256MixRandom").create(5),
            r -> ISeq.of(() -> Phenotype.<DoubleGene, Double>of(codec.encoding().newInstance(), 1), 200));

    ISeq<Phenotype<DoubleGene, Double>> out = ProxyEvaluator.of(counting, codec).eval(pop);

    for (int i = 0; i < pop.size(); i++) {
      assertSame(pop.get(i).genotype(), out.get(i).genotype());
      assertEquals(oneByOne.apply(codec.decode(pop.get(i).genotype())), out.get(i).fitness());
    }
    assertEquals(1, counting.batchCalls()); // one network pass for 200 individuals
    assertEquals(0, counting.singleCalls());
  }

  @Test
  void batchedRunEqualsOneByOneRun() {
    ForwardModel proxy = ProxyTestSupport.smallAckleyProxy();
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(proxy);
    Function<double[], Double> ff = ProxyFitness.of(proxy);
    // one fitness call per individual, keeping the population order as ProxyEvaluator does
    // (Jenetics' own evaluator moves the already-evaluated individuals to the front)
    Evaluator<DoubleGene, Double> oneByOne =
        pop ->
            pop.map(p -> p.isEvaluated() ? p : p.withFitness(ff.apply(codec.decode(p.genotype()))))
                .asISeq();
    List<List<Double>> expected = history(new Engine.Builder<>(oneByOne, codec.encoding()));
    CountingModel counting = CountingModel.of(proxy);
    ProxyEvaluator evaluator = ProxyEvaluator.of(counting, codec);
    List<List<Double>> batched = history(new Engine.Builder<>(evaluator, codec.encoding()));
    assertEquals(expected, batched);
    // one evaluateAll call (one network pass) per generation, plus one for the initial population
    assertEquals(0, counting.singleCalls());
    assertEquals(GENERATIONS + 1, counting.batchCalls());
    assertEquals(GENERATIONS + 1, evaluator.batches());
    assertEquals(counting.points(), evaluator.evaluations());
  }

  @Test
  void executorPathGivesTheSameFitnessAsTheBatch() {
    ForwardModel truth = Benchmarks.rastrigin(3);
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(truth);
    List<List<Double>> batched =
        history(new Engine.Builder<>(ProxyEvaluator.of(truth, codec), codec.encoding()));
    List<List<Double>> pooled =
        history(
            new Engine.Builder<>(
                ProxyEvaluator.of(truth, codec, ForkJoinPool.commonPool()), codec.encoding()));
    ExecutorService four = Executors.newFixedThreadPool(4);
    try {
      List<List<Double>> fixed =
          history(new Engine.Builder<>(ProxyEvaluator.of(truth, codec, four), codec.encoding()));
      assertEquals(batched, fixed);
    } finally {
      four.shutdownNow();
    }
    assertEquals(batched, pooled);
  }

  @Test
  void evaluatesOnlyUnevaluatedPhenotypesKeepingSizeAndOrder() {
    CountingModel model = CountingModel.of(Benchmarks.sphere(2));
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(model);
    Genotype<DoubleGene> a = codec.encoding().newInstance();
    Genotype<DoubleGene> b = codec.encoding().newInstance();
    Genotype<DoubleGene> c = codec.encoding().newInstance();
    Phenotype<DoubleGene, Double> done = Phenotype.of(b, 1, 123.0);
    ISeq<Phenotype<DoubleGene, Double>> pop =
        ISeq.of(Phenotype.of(a, 1), done, Phenotype.of(c, 1));
    ProxyEvaluator evaluator = ProxyEvaluator.of(model, codec);

    ISeq<Phenotype<DoubleGene, Double>> out = evaluator.eval(pop);

    assertEquals(3, out.size());
    assertSame(a, out.get(0).genotype());
    assertSame(done, out.get(1));
    assertSame(c, out.get(2).genotype());
    assertEquals(model.model().evaluate(codec.decode(a)), out.get(0).fitness());
    assertEquals(model.model().evaluate(codec.decode(c)), out.get(2).fitness());
    assertEquals(2, model.points());
    assertEquals(1, model.batchCalls());
    assertEquals(2, evaluator.evaluations());

    assertSame(out, evaluator.eval(out)); // nothing left to evaluate: no model call
    assertEquals(2, model.points());
    assertEquals(1, evaluator.batches());
  }

  @Test
  void rejectsNaNFromTheModel() {
    ForwardModel nan = ForwardModel.of(Domain.cube(2, -1, 1), x -> Double.NaN);
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(nan);
    ISeq<Phenotype<DoubleGene, Double>> pop = ISeq.of(Phenotype.of(codec.encoding().newInstance(), 1));
    for (Evaluator<DoubleGene, Double> e :
        List.of(ProxyEvaluator.of(nan, codec), ProxyEvaluator.of(nan, codec, Runnable::run))) {
      IllegalStateException ex = assertThrows(IllegalStateException.class, () -> e.eval(pop));
      assertTrue(ex.getMessage().contains("NaN"), ex.getMessage());
    }
  }

  @Test
  void rethrowsTheModelsExceptionFromTheExecutor() {
    ForwardModel failing =
        ForwardModel.of(
            Domain.cube(2, -1, 1),
            x -> {
              throw new UnsupportedOperationException("simulation crashed");
            });
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(failing);
    ISeq<Phenotype<DoubleGene, Double>> pop = ISeq.of(Phenotype.of(codec.encoding().newInstance(), 1));
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> ProxyEvaluator.of(failing, codec, ForkJoinPool.commonPool()).eval(pop));
    assertEquals("simulation crashed", e.getMessage());
  }

  @Test
  void rejectsBadModelBatchSize() {
    ForwardModel wrong =
        new ForwardModel() {
          @Override
          public Domain domain() {
            return Domain.cube(2, -1, 1);
          }

          @Override
          public double evaluate(double[] x) {
            return 0;
          }

          @Override
          public double[] evaluateAll(double[][] xs) {
            return new double[xs.length + 1];
          }
        };
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(wrong);
    ISeq<Phenotype<DoubleGene, Double>> pop = ISeq.of(Phenotype.of(codec.encoding().newInstance(), 1));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ProxyEvaluator.of(wrong, codec).eval(pop));
    assertTrue(e.getMessage().contains("2 values for 1 points"), e.getMessage());
  }

  @Test
  void rejectsNullArguments() {
    ForwardModel f = Benchmarks.sphere(2);
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(f);
    assertEquals(
        "model must not be null",
        assertThrows(NullPointerException.class, () -> ProxyEvaluator.of(null, codec))
            .getMessage());
    assertEquals(
        "codec must not be null",
        assertThrows(NullPointerException.class, () -> ProxyEvaluator.of(f, null)).getMessage());
    assertEquals(
        "executor must not be null",
        assertThrows(NullPointerException.class, () -> ProxyEvaluator.of(f, codec, null))
            .getMessage());
  }
}
