package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetTest {

  @Test
  void paperIsTheSeedStudysGrid() {
    StudyPreset p = StudyPreset.PAPER;
    assertEquals(List.of("ackley", "rastrigin", "rosenbrock"), p.functions());
    assertArrayEquals(new int[] {2, 4, 10}, p.dimensions());
    assertEquals(List.of(SamplingScheme.DENSE_UNIFORM, SamplingScheme.SPARSE_UNIFORM,
        SamplingScheme.GAUSSIAN), p.schemes());
    assertEquals(List.of(OptimizerChoice.PSO, OptimizerChoice.GA), p.optimizers());
    assertEquals(10, p.seeds().seeds().length);
    assertEquals(SamplingScheme.PAPER_BASE_SIZE, p.baseSize());
    assertEquals(TrainerPreset.DEFAULTS, p.trainer());
  }

  @Test
  void quickRunsBothFrameworksOnTheSeedsFunctionsIn2d() {
    StudyPreset p = StudyPreset.QUICK;
    assertEquals(StudyPreset.PAPER.functions(), p.functions());
    assertEquals(StudyPreset.PAPER.schemes(), p.schemes());
    assertEquals(StudyPreset.PAPER.optimizers(), p.optimizers());
    assertArrayEquals(new int[] {2}, p.dimensions());
    assertEquals(TrainerPreset.QUICK, p.trainer());
  }

  @Test
  void trainerPresetsGiveTheirTrainers() {
    var f = Benchmarks.rosenbrock(2);
    assertEquals(ProxyTrainer.defaults(), TrainerPreset.DEFAULTS.trainer(f));
    assertEquals(SeedRecipes.trainer(f), TrainerPreset.PAPER.trainer(f));
    assertEquals(TrainerPreset.QUICK, TrainerPreset.parse(" Quick "));
    assertThrows(IllegalArgumentException.class, () -> TrainerPreset.parse("slow"));
  }
}
