package io.github.nnproxy.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The spin-then-park hand-off that runs the gradient shards of each mini-batch. */
class StepWorkersTest {

  @Test
  void everyPartRunsOncePerCallAndIsVisibleAfterwards() {
    try (StepWorkers w = new StepWorkers(3)) {
      assertEquals(4, w.parts());
      long[] sums = new long[4];
      AtomicIntegerArray calls = new AtomicIntegerArray(4);
      for (int round = 1; round <= 2_000; round++) {
        int r = round;
        w.run(part -> {
          sums[part] += r; // plain writes, read by the caller after run returns
          calls.incrementAndGet(part);
        });
      }
      long expected = 2_000L * 2_001 / 2;
      assertArrayEquals(new long[] {expected, expected, expected, expected}, sums);
      for (int p = 0; p < 4; p++) {
        assertEquals(2_000, calls.get(p));
      }
    }
  }

  @Test
  void workersSurviveLongPausesBetweenCalls() throws InterruptedException {
    try (StepWorkers w = new StepWorkers(1)) {
      int[] seen = new int[2];
      for (int i = 0; i < 3; i++) {
        Thread.sleep(50); // long enough for the worker to park
        w.run(part -> seen[part]++);
      }
      assertArrayEquals(new int[] {3, 3}, seen);
    }
  }

  @Test
  void aFailingPartFailsTheCallAndTheWorkersGoOn() {
    try (StepWorkers w = new StepWorkers(2)) {
      ArithmeticException boom = new ArithmeticException("boom");
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.run(part -> {
        if (part == 2) {
          throw boom;
        }
      }));
      assertSame(boom, e.getCause());
      assertThrows(ArithmeticException.class, () -> w.run(part -> {
        if (part == 0) {
          throw new ArithmeticException("caller");
        }
      }));
      int[] seen = new int[3];
      w.run(part -> seen[part]++);
      assertArrayEquals(new int[] {1, 1, 1}, seen);
    }
  }

  @Test
  void closedWorkersRefuseWork() {
    StepWorkers w = new StepWorkers(1);
    w.close();
    assertThrows(IllegalStateException.class, () -> w.run(part -> { }));
  }
}
