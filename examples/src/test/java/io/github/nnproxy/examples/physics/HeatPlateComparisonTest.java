package io.github.nnproxy.examples.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.store.EvaluationStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatPlateComparisonTest {
  @Test
  void everyMethodIsJudgedOnTheTruthAndARerunTrainsFromTheStore(@TempDir Path dir) {
    HeatPlate coarse = HeatPlate.builder().grid(16).build();
    HeatPlateComparison c = new HeatPlateComparison(40, 5, 6, 5, 3L,
        ProxyTrainer.defaults().toBuilder().hiddenLayers(16).epochs(20).build());
    List<HeatPlateComparison.Row> first;
    List<HeatPlateComparison.Row> again;
    try (EvaluationStore store = EvaluationStore.open(dir.resolve("h.db"), coarse.domain())) {
      first = c.run(coarse, store, null);
      assertEquals(40, store.simulations());
      again = c.run(coarse, store, null);
      assertEquals(40, store.simulations());
    }
    assertEquals(5, first.size());
    assertEquals(30, first.get(0).trueEvaluations());
    assertEquals(41, first.get(2).trueEvaluations());
    assertEquals(40, first.get(4).trueEvaluations());
    for (int i = 0; i < first.size(); i++) {
      HeatPlateComparison.Row r = first.get(i);
      assertEquals(coarse.evaluate(r.x()), r.trueValue(), 0.0, r.method());
      assertEquals(r.trueValue() - HeatPlate.REFERENCE_VALUE, r.regret(), 1e-15);
      assertTrue(r.distance() >= 0);
      assertEquals(r.trueValue(), again.get(i).trueValue(), 0.0, r.method());
    }
  }
}
