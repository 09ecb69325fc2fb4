package io.github.nnproxy.bench;

import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.proxy.TrainingAlgorithm;
import io.github.nnproxy.sampling.SamplingScheme;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to the seed study's accuracy: training a proxy of 2-D Ackley on the seed's dense sample
 * (10,000 uniform points, 80/20 split) until the validation R2 reaches {@code target} (0.985, the
 * seed's PyTorch figure), one training per measurement. The trainers: {@code defaults} ({@link
 * ProxyTrainer#defaults()}, one thread), {@code defaults-2-threads} (the same on two threads,
 * same result), {@code paper} ({@link SeedRecipes#trainer}, the seed's network and training) and
 * {@code encog-adam} (Encog's own mini-batch Adam with the settings of the previous defaults,
 * 64-64-64-64, batch 16, learning rate 2e-3). Each run's epochs and R2 are printed at the end.
 *
 * <p>Run: {@code java -cp examples/target/nnproxy.jar org.openjdk.jmh.Main ProxyTraining}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ProxyTrainingBenchmark {
  @Param({"defaults", "defaults-2-threads", "paper", "encog-adam"})
  String trainer;

  @Param({"0.985"})
  double target;

  BenchmarkFunction f;
  double[][] xs;
  double[] ys;
  ProxyTrainer chosen;
  private final StringBuilder report = new StringBuilder();

  /** Draws and evaluates the sample, and picks the trainer. */
  @Setup(Level.Trial)
  public void setUp() {
    f = Benchmarks.ackley(2);
    SamplingScheme scheme = SamplingScheme.DENSE_UNIFORM;
    xs =
        SeedRecipes.sampler(scheme, f)
            .sample(f.domain(), scheme.sampleSize(SamplingScheme.PAPER_BASE_SIZE), 42L);
    ys = f.evaluateAll(xs);
    ProxyTrainer base = switch (trainer) {
      case "defaults" -> ProxyTrainer.defaults();
      case "defaults-2-threads" -> ProxyTrainer.defaults().toBuilder().threads(2).build();
      case "paper" -> SeedRecipes.trainer(f);
      case "encog-adam" -> ProxyTrainer.builder().algorithm(TrainingAlgorithm.ADAM)
          .batchSize(16).learningRate(2e-3).build();
      default -> throw new IllegalArgumentException("unknown trainer " + trainer);
    };
    chosen = base.toBuilder().targetR2(target).seed(42L).build();
  }

  /**
   * One training run to the target.
   *
   * @return the proxy
   */
  @Benchmark
  public Proxy trainToTarget() {
    Proxy p = chosen.fit(xs, ys, f.domain());
    report.append(String.format(Locale.ROOT, "%n  %s: %d epochs, validation R2 %.4f",
        trainer, p.quality().epochsRun(), p.quality().validationR2()));
    return p;
  }

  /** Prints what the runs reached. */
  @TearDown(Level.Trial)
  public void tearDown() {
    System.out.println(report);
  }
}
