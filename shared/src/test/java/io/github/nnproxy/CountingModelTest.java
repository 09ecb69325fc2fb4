package io.github.nnproxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.benchmark.Benchmarks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CountingModelTest {
  private static final double[][] POINTS = {{0, 0}, {1, 1}, {0.5, -2}};

  @Test
  void countsPointsSingleAndBatchedCallsAndPassesValuesThrough() {
    ForwardModel sphere = Benchmarks.sphere(2);
    CountingModel c = CountingModel.of(sphere);
    assertEquals(2.0, c.evaluate(new double[] {1, 1}));
    assertArrayEquals(sphere.evaluateAll(POINTS), c.evaluateAll(POINTS));
    EvaluationOutcome[] outcomes = c.evaluateOutcomes(POINTS);
    assertEquals(3, outcomes.length);
    List<Integer> heard = new ArrayList<>();
    c.evaluateOutcomes(POINTS, (i, outcome, took) -> heard.add(i));
    assertEquals(List.of(0, 1, 2), heard);
    assertEquals(1 + 3 * 3, c.points());
    assertEquals(1, c.singleCalls());
    assertEquals(3, c.batchCalls());
    assertSame(sphere, c.model());
    assertSame(sphere.domain(), c.domain());
    assertTrue(c.toString().contains("10 points"), c.toString());
    c.reset();
    assertEquals(0, c.points() + c.singleCalls() + c.batchCalls());
  }

  @Test
  void keepsTheWrappedModelsBatchedFlag() {
    ForwardModel batchedModel =
        new ForwardModel() {
          @Override
          public Domain domain() {
            return Domain.cube(1, 0, 1);
          }

          @Override
          public double evaluate(double[] x) {
            return x[0];
          }

          @Override
          public boolean batched() {
            return true;
          }
        };
    assertTrue(CountingModel.of(batchedModel).batched());
    assertEquals(false, CountingModel.of(Benchmarks.sphere(1)).batched());
  }

  @Test
  void countsExactlyUnderConcurrentCalls() throws Exception {
    CountingModel c = CountingModel.of(Benchmarks.sphere(2));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 1_000; i++) {
            c.evaluate(new double[] {i, t0()});
            c.evaluateAll(POINTS);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(4_000, c.singleCalls());
    assertEquals(4_000, c.batchCalls());
    assertEquals(4_000 + 4_000 * 3, c.points());
  }

  private static double t0() {
    return 0.25;
  }

  @Test
  void refusesNull() {
    assertThrows(NullPointerException.class, () -> CountingModel.of(null));
    assertThrows(
        NullPointerException.class, () -> CountingModel.of(Benchmarks.sphere(1)).evaluateAll(null));
  }
}
