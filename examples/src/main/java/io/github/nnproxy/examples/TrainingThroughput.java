package io.github.nnproxy.examples;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import java.util.Locale;

/**
 * Prints the training time per epoch of the seed's proxy for 2-D Ackley on its dense sample, in
 * the same line format as the seed's PyTorch pipeline ({@code seed_pipeline.py ackley 2 dense
 * EPOCHS 0}), so that one script can run both in turn and compare them (see {@code
 * examples/scripts/bench-training.sh}).
 *
 * <p>The work is the peer's: the seed's network ({@code 2-20-50-120-70-20-10-1}, ReLU), Adam at
 * learning rate 1e-3 and batch 8, 10,000 uniform points split 80/20, every epoch run (no early
 * stop), the best-validation weights kept ({@link SeedRecipes#trainer}). A first training of a few
 * epochs warms the JIT up; the measured one then trains {@code epochs} epochs, and the time is
 * {@link ProxyTrainer#fit}'s wall time over the epochs. Output, one line:
 *
 * <pre>{@code
 * nnproxy ackley d=2 dense epochs=20 train_s=1.95 per_epoch_s=0.098 test_r2=0.97 trainer=paper
 * }</pre>
 *
 * <p>Usage: {@code TrainingThroughput [epochs] [trainer]}, {@code trainer} one of {@code paper}
 * (the default: the seed's settings) or {@code defaults} ({@link ProxyTrainer#defaults()}, the
 * smooth default network, for comparison).
 */
public final class TrainingThroughput {
  private TrainingThroughput() {}

  /**
   * Runs the measurement.
   *
   * @param args epochs (default 20) and trainer (default {@code paper}), both optional
   */
  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    String which = args.length > 1 ? args[1] : "paper";
    if (epochs < 1 || epochs > 10_000) {
      throw new IllegalArgumentException("epochs must be in [1, 10000], but was " + epochs);
    }
    BenchmarkFunction f = Benchmarks.ackley(2);
    SamplingScheme scheme = SamplingScheme.DENSE_UNIFORM;
    double[][] xs = SeedRecipes.sampler(scheme, f)
        .sample(f.domain(), scheme.sampleSize(SamplingScheme.PAPER_BASE_SIZE), 42L);
    double[] ys = f.evaluateAll(xs);
    ProxyTrainer base = switch (which) {
      case "paper" -> SeedRecipes.trainer(f);
      case "defaults" -> ProxyTrainer.defaults();
      default -> throw new IllegalArgumentException(
          "trainer must be paper or defaults, but was '" + which + "'");
    };
    ProxyTrainer.Builder every = base.toBuilder().patience(0).seed(42L);
    every.epochs(Math.min(epochs, 5)).build().fit(xs, ys, f.domain()); // JIT warm-up
    ProxyTrainer trainer = every.epochs(epochs).build();
    long start = System.nanoTime();
    Proxy proxy = trainer.fit(xs, ys, f.domain());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT,
        "nnproxy ackley d=2 dense epochs=%d train_s=%.2f per_epoch_s=%.4f test_r2=%.5f trainer=%s%n",
        proxy.quality().epochsRun(), seconds, seconds / proxy.quality().epochsRun(),
        proxy.quality().validationR2(), which);
  }
}
