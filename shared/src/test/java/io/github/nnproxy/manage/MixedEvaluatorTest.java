package io.github.nnproxy.manage;

import static io.github.nnproxy.manage.ProxyEnsembleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.sampling.Samplers;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MixedEvaluatorTest {
  private static final BenchmarkFunction TRUTH = Benchmarks.rastrigin(2);
  private static Proxy proxy;

  @BeforeAll
  static void trainProxy() {
    proxy = ProxyEnsembleTest.SMALL.train(TRUTH, Samplers.uniform(), 200, 3L);
  }

  private static double[][] batch(int n, long seed) {
    return Samplers.uniform().sample(TRUTH.domain(), n, seed);
  }

  @Test
  void tagsEveryValueWithTheModelThatMadeIt() {
    double[][] xs = batch(100, 1L);
    TaggedValues v = MixedEvaluator.of(TRUTH, proxy, 0.25, 7L).evaluate(xs, 0L);
    assertEquals(100, v.size());
    assertEquals(25, v.count(Source.TRUTH));
    assertEquals(75, v.count(Source.PROXY));
    for (int i = 0; i < xs.length; i++) {
      double expected = v.source(i) == Source.TRUTH ? TRUTH.evaluate(xs[i]) : proxy.evaluate(xs[i]);
      assertEquals(expected, v.value(i), "index " + i);
      assertTrue(TRUTH.evaluate(xs[i]) != proxy.evaluate(xs[i]));
    }
  }

  @Test
  void shareZeroAndOneUseOneModelOnly() {
    double[][] xs = batch(30, 2L);
    TaggedValues none = MixedEvaluator.of(TRUTH, proxy, 0, 1L).evaluate(xs, 5L);
    TaggedValues all = MixedEvaluator.of(TRUTH, proxy, 1, 1L).evaluate(xs, 5L);
    assertArrayEquals(proxy.evaluateAll(xs), none.values());
    assertArrayEquals(TRUTH.evaluateAll(xs), all.values());
    assertEquals(30, all.count(Source.TRUTH));
    assertEquals(0, none.count(Source.TRUTH));
    assertEquals(0, MixedEvaluator.of(TRUTH, proxy, 0.5, 1L).evaluate(new double[0][], 0).size());
  }

  @Test
  void fractionalSharesAreRespectedOverManyBatches() {
    MixedEvaluator mixed = MixedEvaluator.of(TRUTH, proxy, 0.1, 3L);
    int truth = 0;
    int total = 0;
    for (long b = 0; b < 2000; b++) {
      boolean[] mask = mixed.truthMask(7, b);
      int c = 0;
      for (boolean m : mask) {
        c += m ? 1 : 0;
      }
      assertTrue(c == 0 || c == 1, "batch " + b + ": " + c);
      truth += c;
      total += 7;
    }
    double share = (double) truth / total;
    assertEquals(0.1, share, 0.01);
  }

  @Test
  void sameBatchIndexPicksTheSameIndicesOnAnyThread() throws Exception {
    MixedEvaluator mixed = MixedEvaluator.of(TRUTH, proxy, 0.3, 11L);
    double[][] xs = batch(50, 4L);
    TaggedValues first = mixed.evaluate(xs, 9L);
    assertEquals(first, mixed.evaluate(xs, 9L));
    assertEquals(first, MixedEvaluator.of(TRUTH, proxy, 0.3, 11L).evaluate(xs, 9L));
    assertFalse(Arrays.equals(first.sources(), mixed.evaluate(xs, 10L).sources()));
    assertFalse(Arrays.equals(first.sources(),
        MixedEvaluator.of(TRUTH, proxy, 0.3, 12L).evaluate(xs, 9L).sources()));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<TaggedValues> a = pool.submit(() -> mixed.evaluate(xs, 9L));
      Future<TaggedValues> b = pool.submit(() -> mixed.evaluate(xs, 9L));
      assertEquals(first, a.get());
      assertEquals(first, b.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void taggedValuesAreImmutable() {
    double[] values = {1, 2};
    Source[] sources = {Source.TRUTH, Source.PROXY};
    TaggedValues v = new TaggedValues(values, sources);
    values[0] = 9;
    sources[0] = Source.PROXY;
    v.values()[1] = 9;
    v.sources()[1] = Source.TRUTH;
    assertEquals(1, v.value(0));
    assertEquals(2, v.value(1));
    assertEquals(Source.TRUTH, v.source(0));
    assertEquals(Source.PROXY, v.source(1));
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    for (double bad : new double[] {-0.1, 1.1, Double.NaN}) {
      assertMessage(assertThrows(IllegalArgumentException.class,
          () -> MixedEvaluator.of(TRUTH, proxy, bad, 1L)), "share");
    }
    assertMessage(assertThrows(NullPointerException.class,
        () -> MixedEvaluator.of(null, proxy, 0.5, 1L)), "truth");
    assertMessage(assertThrows(NullPointerException.class,
        () -> MixedEvaluator.of(TRUTH, null, 0.5, 1L)), "proxy");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> MixedEvaluator.of(Benchmarks.sphere(3), proxy, 0.5, 1L)), "dimension");
    MixedEvaluator mixed = MixedEvaluator.of(TRUTH, proxy, 0.5, 1L);
    assertMessage(assertThrows(NullPointerException.class, () -> mixed.evaluate(null, 0)), "xs");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> mixed.evaluate(new double[][] {{1, 2}, {1, Double.NaN}}, 0)), "xs[1]");
    assertMessage(assertThrows(IllegalArgumentException.class, () -> mixed.truthMask(-1, 0)),
        "n");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> new TaggedValues(new double[1], new Source[2])), "same length");
    ForwardModel wrong = new ForwardModel() {
      @Override
      public io.github.nnproxy.Domain domain() {
        return TRUTH.domain();
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
    assertMessage(assertThrows(IllegalStateException.class,
        () -> MixedEvaluator.of(wrong, proxy, 1, 1L).evaluate(batch(3, 1L), 0)), "Expected 3");
  }
}
