package io.github.nnproxy.manage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ProxyEnsembleTest {
  static final ProxyTrainer SMALL =
      ProxyTrainer.builder().hiddenLayers(32, 32).epochs(40).batchSize(16).patience(0).build();
  private static final BenchmarkFunction SPHERE = Benchmarks.sphere(2);

  private static double[][] x(long seed, int n) {
    return Samplers.uniform().sample(SPHERE.domain(), n, seed);
  }

  @Test
  void spreadIsLargerFarFromTheTrainingDataThanNearIt() {
    Domain box = SPHERE.domain();
    Domain leftHalf = Domain.of(box.lower(), new double[] {box.center()[0], box.upper(1)});
    Domain rightHalf = Domain.of(new double[] {box.center()[0], box.lower(1)}, box.upper());
    double[][] xs = Samplers.uniform().sample(leftHalf, 300, 1L);
    double[] ys = SPHERE.evaluateAll(xs);
    ProxyEnsemble e = ProxyEnsemble.fit(SMALL, 5, xs, ys, box, 11L);
    double near = mean(e.spreadAll(Samplers.uniform().sample(leftHalf, 200, 2L)));
    double far = mean(e.spreadAll(Samplers.uniform().sample(rightHalf, 200, 3L)));
    System.out.printf("ensemble spread: near the data %.4f, far from it %.4f%n", near, far);
    assertTrue(far > 3 * near, "far " + far + ", near " + near);
  }

  @Test
  void evaluateIsTheMembersMeanAndSpreadTheirStandardDeviation() {
    double[][] xs = x(1L, 200);
    ProxyEnsemble e = ProxyEnsemble.fit(SMALL, 3, xs, SPHERE.evaluateAll(xs), SPHERE.domain(), 5L);
    assertEquals(3, e.size());
    double[] p = {0.3, -1.2};
    double a = e.members().get(0).evaluate(p);
    double b = e.members().get(1).evaluate(p);
    double c = e.members().get(2).evaluate(p);
    double mean = (a + b + c) / 3;
    double sd = Math.sqrt(((a - mean) * (a - mean) + (b - mean) * (b - mean)
        + (c - mean) * (c - mean)) / 3);
    assertEquals(mean, e.evaluate(p), 1e-12);
    assertEquals(sd, e.spread(p), 1e-12);
    assertTrue(sd > 0);
    double[][] q = x(9L, 20);
    List<Prediction> all = e.predictAll(q);
    double[] means = e.evaluateAll(q);
    for (int i = 0; i < q.length; i++) {
      assertEquals(e.predict(q[i]), all.get(i));
      assertEquals(all.get(i).mean(), means[i]);
    }
  }

  @Test
  void oneMemberIsThePlainProxyWithZeroSpread() {
    double[][] xs = x(1L, 200);
    double[] ys = SPHERE.evaluateAll(xs);
    ProxyEnsemble e = ProxyEnsemble.fit(SMALL, 1, xs, ys, SPHERE.domain(), 5L);
    Proxy member = e.members().get(0);
    double[][] q = x(2L, 30);
    assertArrayEquals(member.evaluateAll(q), e.evaluateAll(q));
    assertArrayEquals(new double[30], e.spreadAll(q));
  }

  @Test
  void sameSeedGivesTheSameEnsembleWhateverTheThreadCount() throws Exception {
    double[][] xs = x(1L, 150);
    double[] ys = SPHERE.evaluateAll(xs);
    double[][] q = x(3L, 40);
    ProxyEnsemble one = ProxyEnsemble.fit(SMALL, 3, xs, ys, SPHERE.domain(), 8L);
    ProxyEnsemble again = ProxyEnsemble.fit(SMALL, 3, xs, ys, SPHERE.domain(), 8L);
    ProxyEnsemble two = ProxyEnsemble.fit(SMALL.toBuilder().threads(2).build(), 3, xs, ys,
        SPHERE.domain(), 8L);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    ProxyEnsemble onExecutor;
    try {
      onExecutor = ProxyEnsemble.fit(SMALL, 3, xs, ys, SPHERE.domain(), 8L, pool);
    } finally {
      pool.shutdownNow();
    }
    ProxyEnsemble other = ProxyEnsemble.fit(SMALL, 3, xs, ys, SPHERE.domain(), 9L);
    assertArrayEquals(one.evaluateAll(q), again.evaluateAll(q));
    assertArrayEquals(one.spreadAll(q), two.spreadAll(q));
    assertArrayEquals(one.evaluateAll(q), two.evaluateAll(q));
    assertArrayEquals(one.evaluateAll(q), onExecutor.evaluateAll(q));
    assertNotEquals(one.evaluate(q[0]), other.evaluate(q[0]));
  }

  /** A refit continues every member from the member of the same index, reproducibly. */
  @Test
  void refitContinuesEachMemberFromTheSameIndexReproducibly() {
    double[][] xs = x(1L, 120);
    ProxyEnsemble first = ProxyEnsemble.fit(SMALL, 3, xs, SPHERE.evaluateAll(xs),
        SPHERE.domain(), 5L);
    double[][] more = x(2L, 160);
    double[] ys = SPHERE.evaluateAll(more);
    ProxyTrainer few = SMALL.toBuilder().epochs(2).build();
    ProxyEnsemble a = first.refit(few, more, ys, 6L, null);
    ProxyEnsemble b = first.refit(few, more, ys, 6L, null);
    ProxyEnsemble cold = ProxyEnsemble.fit(few, 3, more, ys, SPHERE.domain(), 6L);
    assertEquals(3, a.size());
    assertEquals(SPHERE.domain(), a.domain());
    double[][] q = x(3L, 30);
    assertArrayEquals(a.evaluateAll(q), b.evaluateAll(q));
    assertNotEquals(cold.evaluate(q[0]), a.evaluate(q[0]));
    for (Proxy m : a.members()) {
      assertTrue(m.description().contains("warm start"), m.description());
    }
  }

  @Test
  void trainSamplesTheTruthAndIsReproducible() {
    ProxyTrainer two = SMALL.toBuilder().threads(2).build();
    ProxyEnsemble a = ProxyEnsemble.train(SMALL, 2, SPHERE, Samplers.latinHypercube(), 120, 4L);
    ProxyEnsemble b = ProxyEnsemble.train(two, 2, SPHERE, Samplers.latinHypercube(), 120, 4L);
    double[][] q = x(5L, 20);
    assertArrayEquals(a.evaluateAll(q), b.evaluateAll(q));
    assertEquals(SPHERE.domain(), a.domain());
    assertEquals(120, a.members().get(0).quality().samplesUsed());
  }

  @Test
  void nonFiniteTargetsAreDroppedBeforeResampling() {
    double[][] xs = x(1L, 100);
    double[] ys = SPHERE.evaluateAll(xs);
    ys[3] = Double.NaN;
    ys[7] = Double.POSITIVE_INFINITY;
    ProxyEnsemble e = ProxyEnsemble.fit(SMALL, 2, xs, ys, SPHERE.domain(), 1L);
    for (Proxy p : e.members()) {
      assertEquals(98, p.quality().samplesUsed());
      assertEquals(0, p.quality().samplesDropped());
    }
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    double[][] xs = x(1L, 50);
    double[] ys = SPHERE.evaluateAll(xs);
    Domain dom = SPHERE.domain();
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ProxyEnsemble.fit(SMALL, 0, xs, ys, dom, 1L)), "k");
    assertMessage(assertThrows(NullPointerException.class,
        () -> ProxyEnsemble.fit(null, 2, xs, ys, dom, 1L)), "trainer");
    assertMessage(assertThrows(NullPointerException.class,
        () -> ProxyEnsemble.fit(SMALL, 2, null, ys, dom, 1L)), "x");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ProxyEnsemble.fit(SMALL, 2, xs, new double[3], dom, 1L)), "same length");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ProxyEnsemble.train(SMALL, -1, SPHERE, Samplers.uniform(), 50, 1L)), "k");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ProxyEnsemble.train(SMALL, 2, SPHERE, Samplers.uniform(), 0, 1L)), "n");
    assertMessage(assertThrows(NullPointerException.class,
        () -> ProxyEnsemble.train(SMALL, 2, null, Samplers.uniform(), 50, 1L)), "truth");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ProxyEnsemble.of(List.of())), "members");
    assertMessage(assertThrows(NullPointerException.class,
        () -> ProxyEnsemble.of(null)), "members");
    ProxyEnsemble e = ProxyEnsemble.fit(SMALL, 1, xs, ys, dom, 1L);
    Proxy other = SMALL.fit(xs, ys, Domain.cube(2, -10, 10));
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ProxyEnsemble.of(List.of(e.members().get(0), other))), "members[1]");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> e.predict(new double[] {1, 2, 3})), "x");
    assertMessage(assertThrows(NullPointerException.class, () -> e.spreadAll(null)), "xs");
  }

  @Test
  void ofWrapsProxiesTrainedElsewhere() {
    double[][] xs = x(1L, 60);
    double[] ys = SPHERE.evaluateAll(xs);
    Proxy a = SMALL.toBuilder().seed(1).build().fit(xs, ys, SPHERE.domain());
    Proxy b = SMALL.toBuilder().seed(2).build().fit(xs, ys, SPHERE.domain());
    ProxyEnsemble e = ProxyEnsemble.of(List.of(a, b));
    double[] p = {1, 1};
    assertEquals((a.evaluate(p) + b.evaluate(p)) / 2, e.evaluate(p), 1e-12);
    assertEquals(List.of(a, b), e.members());
  }

  static void assertMessage(Throwable t, String part) {
    assertTrue(t.getMessage() != null && t.getMessage().contains(part),
        "expected \"" + part + "\" in: " + t.getMessage());
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
